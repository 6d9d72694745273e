"""A process's memory from /proc/PID/status, for the attack scripts beside it.

memory(pid) -> {"VmRSS": KiB, "VmHWM": KiB}; empty when the process is gone.
"""


def memory(pid):
    fields = {}
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                key, _, rest = line.partition(":")
                if key in ("VmRSS", "VmHWM"):
                    fields[key] = int(rest.split()[0])
    except OSError:
        pass
    return fields
