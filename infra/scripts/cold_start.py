#!/usr/bin/env python3
"""Start-to-first-answer of published services, as infra/scripts/measure-cold-start.sh runs it.

For each run, each service and each variant (a folder of --publish: <variant>/<Service>/Promotions.<Service>.dll),
starts `dotnet Promotions.<Service>.dll` with its function's environment from the stack that deploy_stack.py
deployed to moto (aws adapters; a local signing key instead of Cognito, whose keys moto serves elsewhere), then
times from the process start to the first 200 of /health and to the answer of one real request sent right after
it, and reads the process's CPU time at that answer. The variants alternate within a run, in a rotating order, so
that a ratio compares starts of the same minutes. One start of each is made first and not counted (it fills the
page cache, as a warm Lambda host's disk would be). Prints markdown tables: sizes, medians, ratios, and the CPU
stolen from this machine (the `st` of vmstat, from /proc/stat) while it ran.
"""
import argparse
import base64
import hashlib
import hmac
import http.client
import io
import json
import os
import socket
import statistics
import subprocess
import time
import zipfile

SERVICES = {
    # service: (function logical id, method, path, body)
    "AdminApi": ("AdminFunction", "GET", "/admin/campaigns", None),
    "PromotionApi": ("PromotionApiFunction", "GET", "/offers/search", None),
    "Validation": ("ValidationFunction", "POST", "/validate", '{"channel":"web","cart":{"currency":"EUR","lines":[{"lineId":"1","sku":"MUG","quantity":2,"unitPrice":44}]}}'),
    "Redemption": ("RedemptionFunction", "GET", "/redemptions/red_00000000000000000000000001", None),
    "Analytics": ("AnalyticsFunction", "GET", "/analytics/overview", None),
}
TICKS = os.sysconf("SC_CLK_TCK")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--publish", required=True, help="folder of variants, each a folder of services")
    parser.add_argument("--stack", required=True, help="deploy_stack.py's output")
    parser.add_argument("--endpoint", required=True, help="moto's endpoint")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--services", default=",".join(SERVICES))
    args = parser.parse_args()

    variants = sorted(os.listdir(args.publish))
    services = args.services.split(",")
    with open(args.stack, encoding="utf-8") as f:
        stack = json.load(f)
    key = base64.b64encode(os.urandom(32)).decode()
    token = mint(key)

    print_sizes(args.publish, variants, services)
    results = {(s, v): [] for s in services for v in variants}
    steal = {s: [] for s in services}
    for run in range(args.runs + 1):
        for service in services:
            before = cpu_times()
            order = variants[run % len(variants):] + variants[:run % len(variants)]
            for variant in order:
                sample = start_once(args, stack, service, variant, key, token)
                if run > 0:
                    results[(service, variant)].append(sample)
            if run > 0:
                steal[service].append(stolen_percent(before, cpu_times()))
    print_times(results, steal, variants, services, args.runs)


def start_once(args, stack, service, variant, key, token):
    logical_id, method, path, body = SERVICES[service]
    folder = os.path.join(args.publish, variant, service)
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k in ("PATH", "HOME", "DOTNET_ROOT", "TMPDIR")}
    for name, value in stack["functions"][logical_id].items():
        # Placeholders moto left unresolved, the Cognito settings (replaced by the local key) and the layer's wrapper.
        if "${" in value or name.startswith("Auth__Cognito__") or name == "AWS_LAMBDA_EXEC_WRAPPER":
            continue
        env[name] = value
    env.update({
        "Auth__SigningKey": key,
        "Aws__EndpointUrl": args.endpoint,
        "Aws__AccessKeyId": "test",
        "Aws__SecretAccessKey": "test",
        "AWS_REGION": "us-east-1",
        "AWS_LAMBDA_RUNTIME_API": "127.0.0.1:9001",
        "ASPNETCORE_URLS": f"http://127.0.0.1:{port}",
        "DOTNET_CLI_TELEMETRY_OPTOUT": "1",
    })
    started = time.perf_counter()
    process = subprocess.Popen(["dotnet", f"Promotions.{service}.dll"], cwd=folder, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        while True:
            if process.poll() is not None:
                raise SystemExit(f"{variant}/{service} stopped ({process.returncode}): {process.stderr.read().decode()[-2000:]}")
            if time.perf_counter() - started > 120:
                raise SystemExit(f"{variant}/{service}: no 200 from /health in 120 s")
            status = request(port, "GET", "/health", None, None)
            if status == 200:
                break
            time.sleep(0.002)
        health = time.perf_counter() - started
        health_cpu = process_cpu(process.pid)
        status = request(port, method, path, body, token)
        first = time.perf_counter() - started
        cpu = process_cpu(process.pid)
        if status is None or status >= 500 or status in (401, 403):
            raise SystemExit(f"{variant}/{service}: {method} {path} answered {status}")
        return {"health": health * 1000, "first": first * 1000, "health_cpu": health_cpu * 1000, "cpu": cpu * 1000,
                "status": status}
    finally:
        process.kill()
        process.wait()
        process.stderr.close()


def request(port, method, path, body, token):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        headers = {"Content-Type": "application/json"} if body else {}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        response.read()
        return response.status
    except (ConnectionError, OSError):
        return None
    finally:
        connection.close()


def mint(key):
    """An HS256 token as DevTokens.Create makes it (issuer and audience of AuthOptions' defaults), role admin."""
    def part(value):
        return base64.urlsafe_b64encode(json.dumps(value, separators=(",", ":")).encode()).rstrip(b"=").decode()
    now = int(time.time())
    claims = {"sub": "cold-start", "roles": ["admin"], "iss": "promotions-local", "aud": "promotions",
              "iat": now, "nbf": now, "exp": now + 12 * 3600}
    signing_input = part({"alg": "HS256", "typ": "JWT"}) + "." + part(claims)
    signature = hmac.new(base64.b64decode(key), signing_input.encode(), hashlib.sha256).digest()
    return signing_input + "." + base64.urlsafe_b64encode(signature).rstrip(b"=").decode()


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def process_cpu(pid):
    with open(f"/proc/{pid}/stat", encoding="ascii") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS  # utime, stime


def cpu_times():
    with open("/proc/stat", encoding="ascii") as f:
        return [int(x) for x in f.readline().split()[1:]]


def stolen_percent(before, after):
    delta = [b - a for a, b in zip(before, after)]
    return 100.0 * delta[7] / max(1, sum(delta))


def size_of(folder):
    """Unpacked MB, zipped MB (the package Lambda is given) and file count of a published folder."""
    total, count, buffer = 0, 0, io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for directory, _, files in os.walk(folder):
            for name in files:
                path = os.path.join(directory, name)
                total += os.path.getsize(path)
                count += 1
                archive.write(path, os.path.relpath(path, folder))
    return total / 1e6, len(buffer.getvalue()) / 1e6, count


def print_sizes(publish, variants, services):
    print("Package sizes: MB unpacked / MB zipped (files)")
    print()
    print("| service | " + " | ".join(variants) + " |")
    print("|---|" + "---:|" * len(variants))
    for service in services:
        cells = [size_of(os.path.join(publish, v, service)) for v in variants]
        print(f"| {service} | " + " | ".join(f"{mb:.1f} / {z:.1f} ({n})" for mb, z, n in cells) + " |")
    print()


def print_times(results, steal, variants, services, runs):
    for title, keys in (("wall clock from the process start, ms: to /health 200 · to the first real answer", ("health", "first")),
                        ("CPU time of the process (user + system), ms: at /health 200 · at the first real answer", ("health_cpu", "cpu"))):
        print(f"Medians of {runs} starts; {title}")
        print()
        print("| service | " + " | ".join(variants) + " | stolen % |")
        print("|---|" + "---:|" * len(variants) + "---:|")
        for service in services:
            cells = []
            for variant in variants:
                samples = results[(service, variant)]
                cells.append(" · ".join(f"{statistics.median(s[k] for s in samples):.0f}" for k in keys))
            print(f"| {service} | " + " | ".join(cells) + f" | {statistics.median(steal[service]):.1f} |")
        print()
    pairs = [(a, b) for a in variants for b in variants if a != b and ratio_pair(a, b)]
    if pairs:
        print("Ratios of the medians (wall clock to the first real answer; CPU time at it):")
        print()
        print("| service | " + " | ".join(f"{b} / {a}" for a, b in pairs) + " |")
        print("|---|" + "---:|" * len(pairs))
        for service in services:
            cells = []
            for a, b in pairs:
                first = ratio(results, service, a, b, "first")
                cpu = ratio(results, service, a, b, "cpu")
                cells.append(f"{first:.2f}; {cpu:.2f}")
            print(f"| {service} | " + " | ".join(cells) + " |")
        print()
    print(f"Load average at the end: {os.getloadavg()[0]:.1f} (this machine has {os.cpu_count()} cores)")
    statuses = sorted({f"{s}: {results[(s, v)][0]['status']}" for s in services for v in variants})
    print("Status of the real request: " + ", ".join(statuses))


def ratio_pair(a, b):
    """after/before at the same ReadyToRun setting, and ReadyToRun/not within a tree."""
    ta, ra = a.split("-r2r-")
    tb, rb = b.split("-r2r-")
    return (ra == rb and (ta, tb) == ("before", "after")) or (ta == tb and (ra, rb) == ("false", "true"))


def ratio(results, service, a, b, key):
    return statistics.median(s[key] for s in results[(service, b)]) / statistics.median(s[key] for s in results[(service, a)])


if __name__ == "__main__":
    main()
