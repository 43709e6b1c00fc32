"""A default app for ASGI servers: ``uvicorn --factory greenroom.web.server:app``."""

from fastapi import FastAPI

from greenroom.config import load_settings
from greenroom.web.app import create_app


def app() -> FastAPI:
    """The app for the settings of this environment (built when the server calls it)."""
    return create_app(load_settings())
