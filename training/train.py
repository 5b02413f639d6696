#!/usr/bin/env python3
"""Train a MISF generator on this machine (CPU) with resumable checkpoints, a log and periodic validation.

Example (continue the default model on this CPU; the GPU recipe is gpu_train.sh):
    nice -n 10 python3 training/train.py --run training/runs/w32c --init models/misf-w32 --hours 2
Resume: run the same command again (it continues from <run>/last.pt), or start from a model package
with --init models/misf-w32 (its generator.pth and, if present, discriminator.pth); the width follows the weights.
"""
import argparse
import copy
import json
import math
import os
import sys
import time

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from misf.data import TrainingSampler, validation_cases, load_rgb, load_mask, centre_square  # noqa: E402
from misf.losses import PatchDiscriminator, SqueezeFeatureLoss, hole_ssim_loss, hole_weighted_l1, nsgan_loss, ssim_map  # noqa: E402
from misf.network import (PLAIN_GATE, SHIFTS, InpaintingModel, MISFGenerator, plain_mixture, shift_for,  # noqa: E402
                          shifted_input, width_of)
from misf.plain import PlainSampler  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.path.normpath(os.path.join(HERE, "..", "..", "shared"))


class SampleStream(torch.utils.data.IterableDataset):
    """Endless training batches from TrainingSampler; each DataLoader worker gets its own seed.

    With ``plain`` > 0 each item is (images, masks, plain images, plain masks): the last ``plain`` samples of the
    batch are plain grounds (misf.plain.PlainSampler) at ``plain_size``, the others come from TrainingSampler."""

    def __init__(self, data, size, batch, seed, thin, native, plain=0, plain_size=0, plain_real=0.3):
        self.args = (data, size, batch, seed, thin, native, plain, plain_size or size, plain_real)

    def __iter__(self):
        data, size, batch, seed, thin, native, plain, plain_size, plain_real = self.args
        info = torch.utils.data.get_worker_info()
        sampler = TrainingSampler(data, size, seed=seed * 1000 + (info.id if info else 0), thin=thin, native=native)
        flat = None
        if plain > 0:
            masks = TrainingSampler.mask_sampler(data, plain_size, sampler.rng)
            flat = PlainSampler(sampler.images, plain_size, sampler.rng, masks, plain_real)
        while True:
            item = to_tensor(*sampler.batch(batch - plain))
            if flat is not None:
                item = item + to_tensor(*flat.batch(plain))
            yield item


def batches(args, seed):
    stream = SampleStream(args.data, args.size, args.batch, seed, args.thin, args.native, args.plain,
                          args.plain_size, args.plain_real)
    if args.workers == 0:
        return iter(stream)
    loader = torch.utils.data.DataLoader(stream, batch_size=None, num_workers=args.workers, prefetch_factor=4,
                                         persistent_workers=True, pin_memory=args.device != "cpu")
    return iter(loader)


def to_tensor(imgs: np.ndarray, masks: np.ndarray):
    x = torch.from_numpy(imgs).permute(0, 3, 1, 2).float() / 255.0
    m = torch.from_numpy(masks).unsqueeze(1).float()
    return x, m


def uint8_levels(t: torch.Tensor) -> torch.Tensor:
    """[0,1] -> grey levels as the paper's evaluation makes them: clamp, x255, truncate (kept as float64)."""
    return (t.clamp(0, 1) * 255).to(torch.uint8).double()


def psnr_uint8(a: torch.Tensor, b: torch.Tensor) -> float:
    a8, b8 = uint8_levels(a), uint8_levels(b)
    mse = ((a8 - b8) ** 2).mean().item()
    return 100.0 if mse == 0 else min(100.0, 10 * math.log10(255 ** 2 / mse))


def load_validation(data: str, size: int, per_bin: int):
    cases = validation_cases(data, size, per_bin)
    imgs = np.stack([centre_square(load_rgb(p), size) for p, _, _ in cases])
    masks = []
    for _, mp, _ in cases:
        m = load_mask(mp)
        if m.shape[0] != size:
            from PIL import Image
            m = (np.asarray(Image.fromarray(m * 255).resize((size, size), Image.NEAREST)) > 127).astype(np.uint8)
        masks.append(m)
    return to_tensor(imgs, np.stack(masks)), [b for _, _, b in cases]


@torch.no_grad()
def validate_plain(gen, cases, model):
    """Mean hole error in grey levels on the validation plain grounds (``model``: the package around ``gen``, without
    the boundary correction)."""
    model = model.eval()
    x, m = cases
    dev = next(gen.parameters()).device
    out = model(x.to(dev), m.to(dev)).cpu()
    err = ((uint8_levels(out) - uint8_levels(x)).abs() * m).sum() / (3 * m.sum())
    gen.train()
    return float(err)


def plain_validation_cases(size, n=24, seed=99):
    """Fixed plain grounds for validation (other colours and holes than the test grounds of misf.plain)."""
    sampler = PlainSampler([], size, np.random.default_rng(seed))
    return to_tensor(*sampler.batch(n))


@torch.no_grad()
def validate(gen, val, bins, model):
    (x, m), model = val, model.eval()
    dev = next(gen.parameters()).device
    scores = {0: [], 1: [], 2: []}
    ssims = {0: [], 1: [], 2: []}
    for i in range(0, x.shape[0], 16):
        out = model(x[i:i + 16].to(dev), m[i:i + 16].to(dev)).cpu()
        s = ssim_map(uint8_levels(out), uint8_levels(x[i:i + 16]), data_range=255.0).mean(dim=(1, 2, 3))
        for k in range(out.shape[0]):
            scores[bins[i + k]].append(psnr_uint8(out[k], x[i + k]))
            ssims[bins[i + k]].append(s[k].item())
    gen.train()
    return [float(np.mean(scores[b])) for b in range(3)], [float(np.mean(ssims[b])) for b in range(3)]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--run", required=True, help="run folder: checkpoints and log")
    ap.add_argument("--data", default=os.path.join(SHARED, "data"))
    ap.add_argument("--backbone", default=os.path.join(SHARED, "reference", "lpips", "squeeze.backbone.pth"))
    ap.add_argument("--width", type=int, help="generator width (default: that of --init's weights, else 16)")
    ap.add_argument("--blocks", type=int, default=8)
    ap.add_argument("--size", type=int, default=128, help="training crop size")
    ap.add_argument("--batch", type=int, default=8)
    ap.add_argument("--lr", type=float, default=2e-4)
    ap.add_argument("--beta1", type=float, default=0.5)
    ap.add_argument("--beta2", type=float, default=0.9)
    ap.add_argument("--d-lr-ratio", type=float, default=0.1)
    ap.add_argument("--l1", type=float, default=1.0)
    ap.add_argument("--hole-l1", type=float, default=0.0,
                    help="extra L1 on hole pixels only (mean over the hole); 0 = the release's loss alone")
    ap.add_argument("--adv", type=float, default=0.1)
    ap.add_argument("--perceptual", type=float, default=0.1, help="SqueezeNet perceptual loss weight (0 = off)")
    ap.add_argument("--ssim", type=float, default=0.0,
                    help="weight of 1 - SSIM (scikit-image's 7x7 definition) over windows touching the hole (0 = off)")
    ap.add_argument("--style", type=float, default=0.0, help="SqueezeNet Gram style loss weight (0 = off)")
    ap.add_argument("--hours", type=float, default=2.0, help="wall-time budget (the LR follows a cosine over it)")
    ap.add_argument("--max-steps", type=int, default=0, help="stop after this many steps (0 = time budget only)")
    ap.add_argument("--val-every", type=int, default=250)
    ap.add_argument("--val-per-bin", type=int, default=16)
    ap.add_argument("--save-every", type=int, default=100)
    ap.add_argument("--log-every", type=int, default=10)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--init", help="model package folder to start from (generator.pth / discriminator.pth)")
    ap.add_argument("--ema", type=float, default=0.0,
                    help="keep an exponential moving average of the generator weights with this decay (e.g. 0.998); "
                         "it is what is validated and saved as generator.pth (0 = off)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--thin", type=float, default=0.2,
                    help="share of native-scale damage masks (cracks, spots, both at 1-15 %%); the rest NVIDIA masks and strokes")
    ap.add_argument("--native", type=float, default=0.0, help="share of crops that keep the image's own scale")
    ap.add_argument("--plain", type=int, default=0,
                    help="plain-ground samples per batch (misf.plain.PlainSampler: flat colours and gradients over the "
                         "whole range, the flattest crops of training images), the rest of --batch as before")
    ap.add_argument("--plain-size", type=int, default=0, help="crop size of the plain samples (default: --size)")
    ap.add_argument("--plain-real", type=float, default=0.3,
                    help="share of the plain samples that are the flattest crops of training images (the rest synthetic)")
    ap.add_argument("--shift", default="off", choices=SHIFTS,
                    help="colour shift before the generator (misf.network.shift_for), as the package will run it")
    ap.add_argument("--distil", type=float, default=0.0,
                    help="weight of L1 between the generator's raw output and that of the --init weights (frozen) on "
                         "the samples that are not plain grounds: keeps what the starting model does well")
    ap.add_argument("--distil-only", action="store_true",
                    help="the usual samples are trained towards the --init weights' output only (no reconstruction "
                         "losses on them): the plain grounds change the model, the rest is held where it was")
    ap.add_argument("--expert", help="train a plain expert (misf.network.plain_mixture), starting from this generator "
                    "file: the --init weights stay the package's main generator, frozen; only samples whose holes' "
                    "surroundings are plain (the gate open) are trained on, through the blend the package runs")
    ap.add_argument("--device", default="cpu", help="cpu or cuda")
    ap.add_argument("--workers", type=int, default=0, help="DataLoader worker processes for the samples (0 = in-process)")
    args = ap.parse_args()

    torch.set_num_threads(args.threads)
    if args.device != "cpu":
        torch.backends.cuda.matmul.allow_tf32 = True
        torch.backends.cudnn.allow_tf32 = True
        torch.backends.cudnn.benchmark = True
    torch.manual_seed(args.seed)
    os.makedirs(args.run, exist_ok=True)
    log = open(os.path.join(args.run, "log.tsv"), "a")

    last = os.path.join(args.run, "last.pt")
    if args.width is None:  # the weights we start from say their width
        args.width = 16
        if os.path.exists(last):
            args.width = width_of(torch.load(last, map_location="cpu")["generator"])
        elif args.init:
            args.width = width_of(torch.load(os.path.join(args.init, "generator.pth"), map_location="cpu"))
    gen = MISFGenerator(args.width, args.blocks)
    disc = PatchDiscriminator()
    g_opt = torch.optim.Adam(gen.parameters(), lr=args.lr, betas=(args.beta1, args.beta2))
    d_opt = torch.optim.Adam(disc.parameters(), lr=args.lr * args.d_lr_ratio, betas=(args.beta1, args.beta2))
    feat_loss = SqueezeFeatureLoss(args.backbone) if (args.perceptual > 0 or args.style > 0) else None

    state = {"step": 0, "samples": 0, "elapsed": 0.0, "best": None}
    ema_state = None
    if os.path.exists(last):
        ck = torch.load(last, map_location="cpu")
        gen.load_state_dict(ck["generator"])
        disc.load_state_dict(ck["discriminator"])
        g_opt.load_state_dict(ck["g_opt"])
        d_opt.load_state_dict(ck["d_opt"])
        state = ck["state"]
        ema_state = ck.get("ema")
        print(f"resumed {last} at step {state['step']}", flush=True)
    elif args.init:
        ck = torch.load(args.expert or os.path.join(args.init, "generator.pth"), map_location="cpu")
        gen.load_state_dict(ck["generator"], strict=True)
        state["step"] = int(ck.get("iteration", 0))
        dp = os.path.join(args.init, "discriminator.pth")
        if os.path.exists(dp):
            disc.load_state_dict(torch.load(dp, map_location="cpu"))
        print(f"initialised from {args.init} (iteration {state['step']})", flush=True)
    main_gen = None
    if args.expert:
        if not args.init or args.shift != "plain" or args.distil > 0 or args.adv > 0 or args.perceptual > 0:
            raise SystemExit("--expert needs --init (the main generator) and --shift plain, and no --distil, --adv "
                             "or --perceptual")
        main_gen = MISFGenerator(args.width, args.blocks)
        main_gen.load_state_dict(torch.load(os.path.join(args.init, "generator.pth"), map_location="cpu")["generator"])
        main_gen.eval().requires_grad_(False).to(args.device)
    teacher = None
    if args.distil > 0:
        if not args.init:
            raise SystemExit("--distil needs --init (the weights to keep close to)")
        teacher = MISFGenerator(args.width, args.blocks)
        teacher.load_state_dict(torch.load(os.path.join(args.init, "generator.pth"), map_location="cpu")["generator"])
        teacher.eval().requires_grad_(False).to(args.device)
    ema = None
    if args.ema > 0:
        ema = copy.deepcopy(gen).requires_grad_(False)
        if ema_state is not None:
            ema.load_state_dict(ema_state)
    gen.to(args.device)
    disc.to(args.device)
    for opt in (g_opt, d_opt):  # a resumed optimizer's moments follow the weights
        for st in opt.state.values():
            for k, v in st.items():
                if torch.is_tensor(v) and v.dim() > 0:
                    st[k] = v.to(args.device)
    if ema is not None:
        ema.to(args.device)
    if feat_loss is not None:
        feat_loss.to(args.device)
    shipped = ema if ema is not None else gen  # what is validated and written as generator.pth

    def package(g):  # the package the weights g will be part of, as validation runs it
        if main_gen is not None:
            return InpaintingModel(main_gen, shift="plain", expert=g)
        return InpaintingModel(g, shift=args.shift)

    with open(os.path.join(args.run, "config.json"), "w") as f:
        json.dump(vars(args), f, indent=1)

    stream = batches(args, args.seed + state["step"])
    n_images = len(TrainingSampler(args.data, 64).images)
    val = load_validation(args.data, args.size, args.val_per_bin)
    plain_val = plain_validation_cases(args.plain_size or args.size)
    budget = args.hours * 3600
    start = time.time() - state["elapsed"]
    print(f"{sum(p.numel() for p in gen.parameters())} generator parameters; {n_images} training images",
          flush=True)
    if state["step"] == 0 or not os.path.exists(last):
        log.write("step\tsamples\telapsed_s\tlr\tl1\tadv\tperc\tstyle\td_loss\tval_psnr_0_20\tval_psnr_20_40\tval_psnr_40_60"
                  "\tssim_loss\tval_ssim_0_20\tval_ssim_20_40\tval_ssim_40_60\tdistil\tval_plain_err\n")

    while True:
        elapsed = time.time() - start
        if elapsed >= budget or (args.max_steps and state["step"] >= args.max_steps):
            break
        frac = min(1.0, elapsed / budget)
        lr = args.lr * (0.05 + 0.95 * 0.5 * (1 + math.cos(math.pi * frac)))
        for g in g_opt.param_groups:
            g["lr"] = lr
        for g in d_opt.param_groups:
            g["lr"] = lr * args.d_lr_ratio

        item = [t.to(args.device, non_blocking=True) for t in next(stream)]
        if main_gen is not None:
            l1, ssim_l, loss = expert_loss(gen, main_gen, item, args)
            if loss.requires_grad:
                g_opt.zero_grad()
                loss.backward()
                g_opt.step()
            adv = perc = style = d_loss = distil = torch.zeros(())
        else:
            l1, ssim_l, adv, perc, style, d_loss, distil = train_step(gen, disc, teacher, feat_loss, g_opt, d_opt,
                                                                      item, args)
        if ema is not None:
            with torch.no_grad():
                for e, p in zip(ema.parameters(), gen.parameters()):
                    e.mul_(args.ema).add_(p, alpha=1 - args.ema)
        state["step"] += 1
        state["samples"] += args.batch
        state["elapsed"] = time.time() - start

        vals = ["", "", ""]
        svals = ["", "", ""]
        plain_err = ""
        if state["step"] % args.val_every == 0:
            err = validate_plain(shipped, plain_val, package(shipped))
            plain_err = f"{err:.2f}"
            if main_gen is None:  # an expert leaves these to the frozen main generator: nothing to see there
                v, sv = validate(shipped, val[0], val[1], package(shipped))
                vals = [f"{p:.3f}" for p in v]
                svals = [f"{p:.4f}" for p in sv]
            score = -err if main_gen is not None else v[0] + v[1]
            if state["best"] is None or score > state["best"]:
                state["best"] = score
                torch.save({"iteration": state["step"], "generator": cpu_state(shipped)},
                           os.path.join(args.run, "best_generator.pth"))
        if state["step"] % args.log_every == 0 or plain_err:
            log.write(f"{state['step']}\t{state['samples']}\t{state['elapsed']:.0f}\t{lr:.2e}\t{l1.item():.4f}\t{adv.item():.4f}\t"
                      f"{perc.item():.4f}\t{style.item():.4f}\t{d_loss.item():.4f}\t" + "\t".join(vals)
                      + f"\t{ssim_l.item():.4f}\t" + "\t".join(svals) + f"\t{distil.item():.4f}\t{plain_err}\n")
            log.flush()
        if state["step"] % args.save_every == 0:
            save(last, gen, disc, g_opt, d_opt, state, ema)
    save(last, gen, disc, g_opt, d_opt, state, ema)
    torch.save({"iteration": state["step"], "generator": cpu_state(shipped)}, os.path.join(args.run, "generator.pth"))
    torch.save(cpu_state(disc), os.path.join(args.run, "discriminator.pth"))
    print(f"done: {state['step']} steps, {state['samples']} samples, {state['elapsed']:.0f} s", flush=True)


def reconstruction_l1(out, x, m, hole_l1):
    """The release's hole-weighted L1, plus ``hole_l1`` times the mean L1 over the hole pixels alone."""
    l1 = hole_weighted_l1(out, x, m)
    if hole_l1 > 0:
        l1 = l1 + hole_l1 * ((out - x).abs() * m).sum() / (3 * m.sum()).clamp_min(1.0)
    return l1


def train_step(gen, disc, teacher, feat_loss, g_opt, d_opt, item, args):
    """One step of the usual training (with --plain, --distil): returns the losses for the log."""
    x, m = item[0], item[1]
    out = generate(gen, x, m, args.shift)
    comp = out * m + x * (1 - m)
    distil = torch.zeros((), device=args.device)
    if teacher is not None:
        with torch.no_grad():
            target = teacher(torch.cat([x * (1 - m), m], 1))
        distil = (out - target).abs().mean()

    d_loss = torch.zeros((), device=args.device)
    if args.adv > 0:
        d_opt.zero_grad()
        d_loss = (nsgan_loss(disc(x), True) + nsgan_loss(disc(comp.detach()), False)) / 2
        d_loss.backward()
        d_opt.step()

    g_opt.zero_grad()
    l1 = reconstruction_l1(out, x, m, args.hole_l1)
    adv = nsgan_loss(disc(comp), True) if args.adv > 0 else torch.zeros((), device=args.device)
    perc = style = torch.zeros((), device=args.device)
    if feat_loss is not None:
        perc, style = feat_loss(out, x)
    ssim_l = hole_ssim_loss(comp, x, m) if args.ssim > 0 else torch.zeros((), device=args.device)
    loss = args.l1 * l1 + args.adv * adv + args.perceptual * perc + args.style * style + args.ssim * ssim_l
    if args.distil_only:  # the starting weights are the only target of the usual samples
        loss = args.distil * distil
    else:
        loss = loss + args.distil * distil
    if len(item) == 4:  # plain grounds, weighted by their share of the batch: L1 only, since SSIM's contrast
        px, pm = item[2], item[3]  # term would reward repainting the scan noise, which no fill can know
        pout = generate(gen, px, pm, args.shift)
        pl1 = reconstruction_l1(pout, px, pm, args.hole_l1)
        share = px.shape[0] / args.batch
        loss = (1 - share) * loss + share * args.l1 * pl1
    loss.backward()
    g_opt.step()
    return l1, ssim_l, adv, perc, style, d_loss, distil


def open_gate_loss(gen, main_gen, x, m, args, with_ssim):
    """The package's blend (misf.network.plain_mixture) on the samples whose gate is open, and its loss
    (weighted L1 + hole L1, + SSIM when asked); (None, n) when no sample's gate is open."""
    w, s, _, main_in, expert_in = plain_mixture(x, m, PLAIN_GATE)
    idx = (w.flatten() > 0).nonzero().flatten()
    if idx.numel() == 0:
        return None, 0
    w, s, x, m = w[idx], s[idx], x[idx], m[idx]
    out = w * (gen(expert_in[idx]) - s)
    if bool((w < 1).any()):
        with torch.no_grad():
            out = out + (1 - w) * main_gen(main_in[idx])
    loss = reconstruction_l1(out, x, m, args.hole_l1)
    if with_ssim and args.ssim > 0:
        loss = loss + args.ssim * hole_ssim_loss(out * m + x * (1 - m), x, m)
    return loss, int(idx.numel())


def expert_loss(gen, main_gen, item, args):
    """One step's loss for a plain expert: the usual samples and the plain grounds whose gate is open, each group
    weighted by its share of them (SSIM on the usual samples only, as in train_step). Returns (l1, ssim, loss) for
    the log and the step; the loss has no gradient when no gate was open."""
    parts = [open_gate_loss(gen, main_gen, item[0], item[1], args, True)]
    if len(item) == 4:
        parts.append(open_gate_loss(gen, main_gen, item[2], item[3], args, False))
    total = sum(n for _, n in parts)
    loss = torch.zeros((), device=args.device)
    for part, n in parts:
        if part is not None:
            loss = loss + part * (n / total)
    return loss.detach(), torch.zeros(()), loss


    """The generator's raw output for images x and masks m, through the colour shift the package will apply."""
    s = shift_for(x, m, shift, PLAIN_GATE)
    return gen(shifted_input(x, m, s, shift)) - s


def generate(gen, x, m, shift):
    """The generator's raw output for images x and masks m, through the colour shift the package will apply."""
    s = shift_for(x, m, shift, PLAIN_GATE)
    return gen(shifted_input(x, m, s, shift)) - s


def cpu_state(module):
    """A state dict on the CPU, whatever device the module trains on (packages load on machines without a GPU)."""
    return {k: v.detach().cpu() for k, v in module.state_dict().items()}


def save(path, gen, disc, g_opt, d_opt, state, ema=None):
    tmp = path + ".tmp"
    ck = {"generator": cpu_state(gen), "discriminator": cpu_state(disc), "g_opt": g_opt.state_dict(),
          "d_opt": d_opt.state_dict(), "state": state}
    if ema is not None:
        ck["ema"] = cpu_state(ema)
    torch.save(ck, tmp)
    os.replace(tmp, path)


if __name__ == "__main__":
    main()
