// Browser steps wait on conditions with their own limits; this only bounds a test that hangs regardless.
jest.setTimeout(60_000);
