# Sourced by scripts/install-and-test.sh: apt-get install without leaving services behind.
#
# Debian starts and enables a daemon's service when its package is installed (prometheus on :9090,
# prometheus-node-exporter on :9100, prometheus-alertmanager on :9093, nginx on :80). The tests only run these
# programs themselves, on free loopback ports; services left running would take the ports `docker compose up`
# publishes. So the install runs under a temporary /usr/sbin/policy-rc.d that answers 101 ("action forbidden"),
# which invoke-rc.d and deb-systemd-invoke (what maintainer scripts start services with) obey; afterwards every
# service the install added is disabled, so a reboot does not start it either. Services that were on the machine
# before are left as they are.

# Names of the boot services on disk: SysV init scripts and systemd .service/.timer units (templates excluded).
boot_services() {
  {
    ls /etc/init.d 2>/dev/null
    ls /lib/systemd/system /usr/lib/systemd/system 2>/dev/null | grep -E '^[^@]+\.(service|timer)$'
  } | grep -vE '^(README|skeleton|rc|rcS)$|:$' | sort -u
}

# The boot services named after one of the packages "$@" (nginx's service comes from its dependency nginx-common):
# the daemons those packages exist for, never what a dependency brings for the rest of the system (dbus, udev …).
services_of_packages() {
  local name package
  for name in $(cat); do
    for package in "$@"; do
      case ${name%.*} in
        "$package" | "$package"-*)
          echo "$name"
          break
          ;;
      esac
    done
  done
}

# Those of the packages' services that run now (checked by deploy/stack-checks after the install).
running_services_of_packages() {
  local name
  for name in $(boot_services | services_of_packages "$@"); do
    if systemd_running; then
      case $name in *.service | *.timer) systemctl is-active --quiet "$name" && echo "$name" ;; esac
    else
      case $name in *.service | *.timer) ;; *) service "$name" status >/dev/null 2>&1 && echo "$name" ;; esac
    fi
  done
  return 0
}

# True when systemd runs the machine (sd_booted(3): /run/systemd/system exists). Containers and chroots
# usually have no init system at all, and WSL or older hosts may run SysV init.
systemd_running() {
  [ -d /run/systemd/system ]
}

# Stops (in case something started it anyway) and disables one service added by the install.
stop_and_disable() {
  local sudo=$1 name=$2
  if systemd_running; then
    case $name in
      *.service | *.timer) $sudo systemctl disable --now "$name" >/dev/null 2>&1 || true ;;
    esac
    return
  fi
  case $name in
    *.service | *.timer)
      # Not booted with systemd: systemctl edits the unit links offline, for a later boot with systemd.
      if command -v systemctl >/dev/null; then $sudo systemctl disable "$name" >/dev/null 2>&1 || true; fi
      ;;
    *)
      $sudo service "$name" stop >/dev/null 2>&1 || true
      $sudo update-rc.d "$name" disable >/dev/null 2>&1 || true
      ;;
  esac
}

# Puts the machine's own policy-rc.d back (saved in $1), or removes ours when there was none.
restore_policy_rc_d() {
  local sudo=$1 saved=$2 policy=/usr/sbin/policy-rc.d
  if [ -n "$saved" ]; then
    $sudo cp -p "$saved" "$policy"
    $sudo rm -f "$saved"
  else
    $sudo rm -f "$policy"
  fi
}

# apt-get install "$@" (as root via $sudo when needed) with no service started, then every new service disabled.
apt_install_without_services() {
  local sudo=$1
  shift
  local policy=/usr/sbin/policy-rc.d saved="" before status=0
  before=$(boot_services)
  if [ -e "$policy" ]; then
    saved=$(mktemp)
    $sudo cp -p "$policy" "$saved"
  fi
  # Never leave ours behind (an interrupted install would keep every later one from starting services).
  trap 'restore_policy_rc_d "$sudo" "$saved"; exit 130' INT TERM
  printf '#!/bin/sh\n# Written by scripts/install-and-test.sh for the duration of its apt-get install.\nexit 101\n' \
    | $sudo tee "$policy" >/dev/null
  $sudo chmod 755 "$policy"

  local install=($sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@")
  "${install[@]}" || { $sudo apt-get update && "${install[@]}"; } || status=$?

  restore_policy_rc_d "$sudo" "$saved"
  trap - INT TERM

  local name
  for name in $(comm -13 <(printf '%s\n' "$before") <(boot_services) | services_of_packages "$@"); do
    echo "Disabling $name, added by the install (the tests start their own; the stack needs the ports)"
    stop_and_disable "$sudo" "$name"
  done
  return $status
}
