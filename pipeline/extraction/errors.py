"""The one error the extract stage raises for a page it cannot use."""


class ExtractionError(ValueError):
    """A page could not be turned into an article; the message is the recorded reason."""
