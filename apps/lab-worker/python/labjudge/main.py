"""The judge: trusted, never sandboxed, never runs learner code.

Reads one job (or {"jobs": [...]}) as JSON on stdin, evaluates each with the lab's judge.py against a
runner started through the sandbox command the job carries, and writes one JSON result per job on
stdout (a JSON array for a batch). Batching lets `lab-grader check` and the tests pay for one torch
import in the judge for a whole lab; every submission still gets its own fresh sandbox.
"""

import json
import math
import os
import signal
import sys
import time
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "sandbox"))  # labrunner.wire, shared with the runner


def die_with_parent():
    """If the lab worker dies (even kill -9), the judge goes too, and bubblewrap's --die-with-parent
    takes the sandbox with it."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        PR_SET_PDEATHSIG = 1
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        pass
    if os.getppid() == 1:
        os._exit(1)


def detect_features(torch):
    """What this torch can do; the labs adapt (Debian's CPU torch 1.13 has no SDPA and no FP16 matmul)."""
    cuda = torch.cuda.is_available()
    device = "cuda" if cuda else "cpu"

    def works(fn):
        try:
            fn()
            return True
        except (RuntimeError, TypeError, AttributeError):
            return False

    half = torch.ones(4, 4, dtype=torch.float16, device=device)
    bf16 = torch.ones(4, 4, dtype=torch.bfloat16, device=device)
    return {
        "torch": torch.__version__,
        "python": sys.version.split()[0],
        "cuda": cuda,
        "deviceName": torch.cuda.get_device_name(0) if cuda else "cpu",
        "sdpa": hasattr(torch.nn.functional, "scaled_dot_product_attention"),
        "fp16Matmul": works(lambda: half @ half),
        "bf16Matmul": works(lambda: bf16 @ bf16),
    }


def evaluate(job, features, labs):
    from labjudge.run import Run, StopEvaluation, load_module
    from labjudge.session import Fail

    started = time.monotonic()
    lab_dir = job["labDir"]
    if lab_dir not in labs:
        labs[lab_dir] = load_module(os.path.join(lab_dir, "judge.py"), f"lab_judge_{len(labs)}")
    lab = labs[lab_dir]
    run = Run(job, lab, features)
    verdict, message = "accepted", None
    try:
        lab.evaluate(run)
    except StopEvaluation:
        failed = run.results[-1]
        verdict, message = failed["verdict"], failed.get("message")
    except Fail as f:  # a failure outside any check (e.g. starting the sandbox)
        verdict, message = f.verdict, f.message
    except Exception:  # noqa: BLE001 - a bug in a judge is an internal error, reported with its trace
        traceback.print_exc(file=sys.stderr)
        verdict, message = "internal_error", "the lab's judge failed; this is not your fault"
    finally:
        run.close()
    violations = run.violations()
    if violations:
        verdict = "rejected"
        message = "the solution broke the lab's rules: " + "; ".join(dict.fromkeys(violations))
    done = {r["name"] for r in run.results}
    checks = run.results + [{"name": name, "status": "skipped"} for name in lab.CHECKS if name not in done]
    return {
        "verdict": verdict,
        "message": message,
        "checks": checks,
        "metrics": run.metrics,
        "environment": {
            "device": "gpu" if features["cuda"] else "cpu",
            "deviceName": features["deviceName"],
            "torch": features["torch"],
            "python": features["python"],
            "fp16": "native" if features["fp16Matmul"] else "emulated",
        },
        "output": run.output(),
        "wallTimeMs": round((time.monotonic() - started) * 1000),
    }


def finite(value):
    """JSON has no NaN or Infinity: such metrics become null."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {str(k): finite(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [finite(v) for v in value]
    return value


def main():
    die_with_parent()
    sys.path.insert(0, os.path.dirname(HERE))
    request = json.loads(sys.stdin.read())
    import torch

    torch.set_num_threads(max(1, int(os.environ.get("LAB_THREADS", "1"))))
    features = detect_features(torch)
    labs = {}
    # One JSON line per job, as each finishes: if the batch runs out of time, finished jobs still count.
    for job in request["jobs"] if "jobs" in request else [request]:
        sys.stdout.write(json.dumps(finite(evaluate(job, features, labs)), allow_nan=False) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
