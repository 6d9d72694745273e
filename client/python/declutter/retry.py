"""When and how long to wait before sending a page again.

The same rules as the C++ CLI (client/stream_cleaner): exponential backoff with
full jitter, at least the server's retry hint, and a bounded number of sends.
"""

import random
from dataclasses import dataclass

import grpc

# The codes a page is sent again for: the server is unreachable or restarting
# (UNAVAILABLE) or at capacity (RESOURCE_EXHAUSTED, with a retry hint). Other
# codes (a bad page, a deadline, a refused certificate) would fail again.
RETRYABLE = frozenset({grpc.StatusCode.UNAVAILABLE, grpc.StatusCode.RESOURCE_EXHAUSTED})


@dataclass(frozen=True)
class RetryPolicy:
    """How often and how patiently a page is sent again."""

    max_attempts: int = 8  # sends of one page in all, the first included
    base_delay: float = 0.1  # seconds; the jitter's cap doubles per attempt ...
    max_delay: float = 10.0  # ... up to this

    def __post_init__(self):
        if self.max_attempts < 1:
            raise ValueError(f"max_attempts is {self.max_attempts}: expected 1 or more")
        if self.base_delay < 0 or self.max_delay < self.base_delay:
            raise ValueError(
                f"base_delay {self.base_delay} and max_delay {self.max_delay}: "
                "expected 0 <= base_delay <= max_delay")

    def backoff(self, attempt, hint_ms=0, rng=random):
        """Seconds to wait before send number `attempt` + 1 (attempt >= 1):
        uniform in [0, min(max_delay, base_delay * 2^attempt)], and at least
        the server's hint."""
        cap = min(self.max_delay, self.base_delay * (2 ** min(attempt, 30)))
        return max(rng.uniform(0, cap), hint_ms / 1000.0)


NO_RETRIES = RetryPolicy(max_attempts=1)
