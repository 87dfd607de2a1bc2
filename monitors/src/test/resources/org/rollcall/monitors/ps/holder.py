# A process that holds what a ps.monitor term measures, then says so: python3 holder.py KIND
# READY_FILE MARKER. KIND threads: 50 threads in all; fds: 300 more open files; memory: 200 MiB
# written (so resident, not only reserved); zombie: a child it never reaps.
import os
import sys
import threading
import time

kind, ready = sys.argv[1], sys.argv[2]
held = []
if kind == "threads":
    for _ in range(49):
        t = threading.Thread(target=time.sleep, args=(600,), daemon=True)
        t.start()
        held.append(t)
elif kind == "fds":
    held = [open("/dev/null") for _ in range(300)]
elif kind == "memory":
    held = bytearray(b"\1" * (200 * 1024 * 1024))
elif kind == "zombie":
    child = os.fork()
    if child == 0:
        os._exit(0)
    while open("/proc/%d/stat" % child).read().rsplit(")", 1)[1].split()[0] != "Z":
        time.sleep(0.005)
    held = child
with open(ready + ".tmp", "w") as f:
    f.write(str(held if kind == "zombie" else os.getpid()))
os.rename(ready + ".tmp", ready)
time.sleep(600)
