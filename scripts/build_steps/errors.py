"""The one error type of the build steps."""


class StepError(Exception):
    """A build step cannot finish; the message says what to do."""
