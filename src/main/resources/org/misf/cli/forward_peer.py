"""bench's Python peer: the same TorchScript forward pass in the PyTorch of this Python, timed on request.

Started by `bench` (cli/PythonPeer.java) as: python3 forward_peer.py MODEL THREADS OPTIMIZE
OPTIMIZE is 1 for TorchScript's default (the graph executor optimises, as a user's script would) or 0 for the
plugin's setting (torch.jit.optimized_execution(False)). Prints "ready torch VERSION", or "missing REASON" and
exits. Then reads lines "BATCH HEIGHT WIDTH" and answers each with one forward pass on inputs made once per
shape (uniform noise, a hole over the second quarter of each side): "WALL_NS CPU_NS MINOR_FAULTS".
"""
import resource
import sys
import time


def main():
    model, threads, optimize = sys.argv[1], int(sys.argv[2]), sys.argv[3] == "1"
    try:
        import torch
    except ImportError as e:
        print("missing %s" % e, flush=True)
        return
    torch.set_num_threads(threads)
    torch.set_num_interop_threads(1)
    torch._C._set_graph_executor_optimize(optimize)
    net = torch.jit.load(model, map_location="cpu").eval()
    print("ready torch %s" % torch.__version__, flush=True)
    inputs = {}
    with torch.inference_mode():
        for line in sys.stdin:
            shape = tuple(int(v) for v in line.split())
            if len(shape) != 3:
                break
            if shape not in inputs:
                b, h, w = shape
                image = torch.rand(b, 3, h, w, generator=torch.Generator().manual_seed(1))
                mask = torch.zeros(b, 1, h, w)
                mask[:, :, h // 4:h // 2, w // 4:w // 2] = 1
                inputs[shape] = (image, mask)
            r0, t0 = resource.getrusage(resource.RUSAGE_SELF), time.perf_counter_ns()
            net(*inputs[shape])
            t1, r1 = time.perf_counter_ns(), resource.getrusage(resource.RUSAGE_SELF)
            cpu = (r1.ru_utime + r1.ru_stime - r0.ru_utime - r0.ru_stime) * 1e9
            print("%d %d %d" % (t1 - t0, cpu, r1.ru_minflt - r0.ru_minflt), flush=True)


main()
