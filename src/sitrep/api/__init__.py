"""HTTP API (FastAPI) and the web page with map and timeline."""
from sitrep.api.app import create_app

__all__ = ["create_app"]
