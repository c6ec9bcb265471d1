"""The extractor's version, stored on every claim it makes: bump it whenever a rule's output changes."""

EXTRACTOR_VERSION = "2.2.47"
