from domestic_abuse.tests.fixtures import da  # noqa: F401
