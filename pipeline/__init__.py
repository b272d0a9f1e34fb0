"""crinkwatch: follow how China, Russia, Iran and North Korea and their alliance framings are covered."""

__version__ = "0.1.0"
