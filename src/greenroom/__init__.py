"""greenroom: rehearse every interviewer of a hiring loop, judged the way each one judges."""

__version__ = "0.1.0"

__all__ = ["__version__"]
