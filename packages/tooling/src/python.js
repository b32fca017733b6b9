// The Python the tests run: Debian's own, where `apt-get install python3-fastapi …` puts its packages. A `python3`
// found first on the PATH (pyenv, a virtualenv) may be another interpreter without them.
const DEBIAN_PYTHON = '/usr/bin/python3';

module.exports = { DEBIAN_PYTHON };
