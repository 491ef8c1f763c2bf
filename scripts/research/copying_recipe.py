"""Research harness for the copying recipe (issue 23, docs/research/copying_recipe.md, third study).

Trains the shipped shape (toy.tiny_config: 3 blocks x 4 heads x 64, d_mlp 128, own output layer) on the
60,000-line toy corpus with the text + drill recipe, for several seeds and torch thread counts, and prints per
run the fact questions right out of the first 200 validation questions at every validation (against wall
seconds and process CPU seconds), the gap to the exact floor, and the CPU milliseconds per training step.

The loop is the library's ``engine.training.train`` written out (same random draws in the same order: with
the default options it trains bit-identical weights, checked by ``--check-library``), plus research options:
  --drill-weight W      the drill's loss times W (1 = per question, the shipped weighting)
  --facts-first N       for the first N steps every text window starts at a fact line
  --stop-at A           adaptive run: hold the peak rate until a held-out set of training fact questions
                        (--heldout lines, removed from the drill) is answered >= A right, checked every
                        --check-every steps; then --decay-steps of cosine decay and stop; --steps is the cap
                        (if the cap comes first, the schedule is the ordinary hold + cosine of --steps)

--log FILE appends every run as one JSON line (curve, gap, timings, options). --recipe NAME takes a named
recipe's options (shipped, best, lr8e-3, cheap; `make bench-recipe` runs best).
Example (the shipped recipe, seed 2, one thread):
  .venv/bin/python scripts/research/copying_recipe.py --seeds 2 --threads 1
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
import time
from pathlib import Path

import torch

from llmlab.engine.data import IGNORE, Drill, TokenStream
from llmlab.engine.device import seed_everything
from llmlab.engine.model import GPT
from llmlab.engine.training import TrainConfig, evaluate, learning_rate_at, make_optimizer, train
from llmlab.toy.corpus import TRAIN_SEED, generate_lines, load_corpus
from llmlab.toy.facts import answer_accuracy
from llmlab.toy.recipe import SHIPPED_RECIPE, SHIPPED_TRAIN_LINES, ToyData, load_toy_data, tiny_config

# Named recipes (command-line options). "shipped" is toy.SHIPPED_RECIPE; "best" (E2), "lr8e-3" (E1) and "cheap"
# (A) are the third study's runs (docs/research/copying_recipe.md).
RECIPES = {
    "shipped": [],
    "best": ["--drill-weight", "4", "--stop-at", "0.95", "--decay-steps", "300", "--steps", "3000", "--hold", "2600"],
    "lr8e-3": ["--lr", "8e-3", "--stop-at", "0.95", "--decay-steps", "300", "--steps", "3000", "--hold", "2600"],
    "cheap": ["--batch", "16", "--drill", "64", "--drill-weight", "2", "--stop-at", "0.95", "--decay-steps", "300",
              "--steps", "3600", "--hold", "3200"],
}
QUESTIONS = 200  # the first 200 validation fact questions (as make checkpoint scores them)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawTextHelpFormatter)
    s = SHIPPED_RECIPE
    p.add_argument("--seeds", type=int, nargs="+", default=[s.seed])
    p.add_argument("--threads", type=int, nargs="+", default=[1], help="torch thread counts to run each seed on")
    p.add_argument("--steps", type=int, default=s.steps, help="steps (with --stop-at: the cap)")
    p.add_argument("--batch", type=int, default=s.batch_size, help="text windows per step")
    p.add_argument("--drill", type=int, default=s.drill_batch_size, help="drill questions per step")
    p.add_argument("--drill-weight", type=float, default=1.0)
    p.add_argument("--lr", type=float, default=s.learning_rate)
    p.add_argument("--min-lr", type=float, default=s.min_learning_rate)
    p.add_argument("--warmup", type=int, default=s.warmup_steps)
    p.add_argument("--hold", type=int, default=s.hold_steps)
    p.add_argument("--fact-share", type=float, default=s.fact_share)
    p.add_argument("--facts-first", type=int, default=0)
    p.add_argument("--weight-decay", type=float, default=s.weight_decay)
    p.add_argument("--stop-at", type=float, default=None, help="held-out accuracy that ends the hold (0..1)")
    p.add_argument("--heldout", type=int, default=256, help="training fact lines held out of the drill")
    p.add_argument("--check-every", type=int, default=50)
    p.add_argument("--decay-steps", type=int, default=300)
    p.add_argument("--eval-every", type=int, default=250)
    p.add_argument("--train-lines", type=int, default=SHIPPED_TRAIN_LINES)
    p.add_argument("--name", default="", help="label of the recipe in the log")
    p.add_argument("--recipe", choices=sorted(RECIPES), default=None,
                   help="a named recipe (its options; options given on the command line win):\n"
                   + "\n".join(f"  {k}: {' '.join(v)}" for k, v in RECIPES.items()))
    p.add_argument("--log", default="", help="append each run as one JSON line to this file")
    p.add_argument("--table", default="", help="print the runs of this --log file as a markdown table and stop")
    p.add_argument("--time-steps", type=int, default=0, help="only time N steps (CPU ms/step), no training run")
    p.add_argument("--check-library", type=int, default=0,
                   help="train N steps here and with engine.training.train; print max |weight diff|")
    args = p.parse_args(argv)
    if args.recipe:  # the recipe's options first, then the command line's again (so they win)
        given = sys.argv[1:] if argv is None else argv
        args = p.parse_args(RECIPES[args.recipe] + list(given))
        args.name = args.name or args.recipe
    return args


def held_out_data(data: ToyData, n: int, seed: int = 12345) -> tuple[ToyData, list[str]]:
    """The same data with ``n`` training fact lines removed from the drill (not from the text); those lines."""
    if n <= 0:
        return data, []
    train_lines = generate_lines(SHIPPED_TRAIN_LINES, TRAIN_SEED)  # the 60,000 lines the stream holds
    facts = [line for line in train_lines if " ? " in line]
    order = torch.randperm(len(facts), generator=torch.Generator().manual_seed(seed)).tolist()
    held = set(order[:n])
    keep = [line for i, line in enumerate(facts) if i not in held]
    encode = lambda line: data.tokenizer.encode(line + "\n")  # noqa: E731
    drill = Drill.from_lines([encode(line) for line in keep], [line.split().index("?") + 1 for line in keep])
    return ToyData(data.tokenizer, data.train.with_drill(drill), data.val_x, data.val_y, data.floor), \
        [facts[i] for i in order[:n]]


def run(args: argparse.Namespace, data: ToyData, questions: list[str], heldout: list[str], seed: int,
        threads: int) -> tuple[dict, GPT]:
    """One training run; returns its record (curve, gap, timings) and the model."""
    torch.set_num_threads(threads)
    config = TrainConfig(steps=args.steps, batch_size=args.batch, learning_rate=args.lr,
                         min_learning_rate=args.min_lr, warmup_steps=args.warmup, weight_decay=args.weight_decay,
                         eval_every=args.eval_every, seed=seed, hold_steps=args.hold, fact_share=args.fact_share,
                         drill_batch_size=args.drill)
    seed_everything(seed)
    model = GPT(tiny_config(data.tokenizer.vocab_size))
    stream: TokenStream = data.train
    seed_everything(seed)  # as train() does
    generator = torch.Generator().manual_seed(seed)
    optimizer = make_optimizer(model, config)
    context = model.config.context_length
    curve, held_curve = [], []
    stop_step = None  # step at which the held-out test passed; decay then runs to stop_step + decay_steps
    end = args.steps
    wall0, cpu0 = time.perf_counter(), time.process_time()
    train_cpu = 0.0
    model.train()

    def validate(step: int) -> None:
        val = evaluate(model, data.val_x, data.val_y)
        acc = answer_accuracy(model, data.tokenizer, questions)
        model.train()
        point = dict(step=step, wall=round(time.perf_counter() - wall0, 1), cpu=round(time.process_time() - cpu0, 1),
                     right=round(acc * len(questions)), gap=round(val - data.floor, 4))
        curve.append(point)
        print(f"  seed {seed} threads {threads} step {step:5d} wall {point['wall']:6.1f} s cpu {point['cpu']:6.1f} s:"
              f" {point['right']:3d}/{len(questions)} right, gap {point['gap']:.4f}", flush=True)

    step = 0
    while step < end:
        if step % config.eval_every == 0:
            validate(step)
        if stop_step is None:
            lr = learning_rate_at(step, config)
        else:  # cosine from the peak to the minimum over decay_steps after the held-out test passed
            progress = min(1.0, (step - stop_step) / max(1, args.decay_steps))
            lr = config.min_learning_rate + 0.5 * (1 + math.cos(math.pi * progress)) * (
                config.learning_rate - config.min_learning_rate)
        for group in optimizer.param_groups:
            group["lr"] = lr
        c0 = time.process_time()
        share = 1.0 if step < args.facts_first else config.fact_share
        x, y = stream.random_batch(config.batch_size, context, generator, share)
        _, loss = model(x, y)
        if config.drill_batch_size:
            dx, dy = stream.drill.batch(config.drill_batch_size, generator)
            _, per_token = model(dx, dy)
            per_question = per_token * (dy != IGNORE).sum() / len(dy)
            loss = loss + (per_question if args.drill_weight == 1.0 else args.drill_weight * per_question)
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), config.grad_clip, foreach=True)
        optimizer.step()
        train_cpu += time.process_time() - c0
        step += 1
        if args.stop_at is not None and stop_step is None and heldout and step % args.check_every == 0:
            model.eval()
            held = answer_accuracy(model, data.tokenizer, heldout)
            model.train()
            held_curve.append((step, round(held, 3)))
            if held >= args.stop_at and step >= args.warmup:
                stop_step = step
                end = min(end, step + args.decay_steps)
                print(f"  seed {seed} threads {threads}: held-out {held:.3f} at step {step}: decay to {end}",
                      flush=True)
    validate(step)
    final = curve[-1]
    return dict(name=args.name, seed=seed, threads=threads, steps=step, stop_step=stop_step,
                curve=[(p["step"], p["right"]) for p in curve], gaps=[(p["step"], p["gap"]) for p in curve],
                right=final["right"], gap=final["gap"], wall=final["wall"], cpu=final["cpu"],
                cpu_ms_per_step=round(1000 * train_cpu / max(1, step), 2), held_curve=held_curve,
                options={k: v for k, v in vars(args).items() if k not in ("seeds", "threads", "log")}), model


def check_library(args: argparse.Namespace, data: ToyData, questions: list[str], n: int) -> None:
    """Train n steps with this loop and with the library's train(): max |weight difference| (0.0 expected)."""
    seed = args.seeds[0]
    torch.set_num_threads(args.threads[0])
    config = TrainConfig(steps=n, batch_size=args.batch, learning_rate=args.lr, min_learning_rate=args.min_lr,
                         warmup_steps=args.warmup, weight_decay=args.weight_decay, eval_every=args.eval_every,
                         seed=seed, hold_steps=args.hold, fact_share=args.fact_share, drill_batch_size=args.drill)
    seed_everything(seed)
    lib_model = GPT(tiny_config(data.tokenizer.vocab_size))
    train(lib_model, data.train, data.val_x, data.val_y, config, progress=False)
    _, mine = run(argparse.Namespace(**{**vars(args), "steps": n}), data, questions, [], seed, args.threads[0])
    diff = max((a - b).abs().max().item() for a, b in zip(lib_model.state_dict().values(),
                                                          mine.state_dict().values()))
    print(f"{n} steps, seed {seed}, threads {args.threads[0]}: max |weight diff| library vs harness = {diff}")


def time_steps(args: argparse.Namespace, data: ToyData, n: int) -> None:
    """CPU ms and wall ms per training step (after 5 warm-up steps) for each thread count."""
    for threads in args.threads:
        torch.set_num_threads(threads)
        seed_everything(0)
        model = GPT(tiny_config(data.tokenizer.vocab_size))
        config = TrainConfig(steps=n, batch_size=args.batch, drill_batch_size=args.drill, fact_share=args.fact_share)
        optimizer = make_optimizer(model, config)
        generator = torch.Generator().manual_seed(0)
        for i in range(n + 5):
            if i == 5:
                c0, w0 = time.process_time(), time.perf_counter()
            x, y = data.train.random_batch(args.batch, 32, generator, args.fact_share)
            _, loss = model(x, y)
            if args.drill:
                dx, dy = data.train.drill.batch(args.drill, generator)
                loss = loss + model(dx, dy)[1] * 2
            optimizer.zero_grad(set_to_none=True)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0, foreach=True)
            optimizer.step()
        cpu, wall = time.process_time() - c0, time.perf_counter() - w0
        print(f"batch {args.batch} drill {args.drill} threads {threads}: CPU {1000 * cpu / n:.1f} ms/step, "
              f"wall {1000 * wall / n:.1f} ms/step, load {os.getloadavg()[0]:.2f}", flush=True)


def print_table(path: str) -> None:
    """The runs of a --log file as the notes' markdown table (quiet estimate = process CPU seconds, see notes)."""
    print("| recipe | seed | threads | steps | fact questions right (step:right) | gap | CPU ms/step | est. quiet s |")
    print("|---|---|---|---|---|---|---|---|")
    for line in open(path):
        r = json.loads(line)
        curve = " ".join(f"{s}:{n}" for s, n in r["curve"][1:])
        stop = f" (held-out passed at {r['stop_step']})" if r["stop_step"] else ""
        print(f"| {r['name']} | {r['seed']} | {r['threads']} | {r['steps']}{stop} | {curve} | {r['gap']:.4f} |"
              f" {r['cpu_ms_per_step']:.1f} | {r['cpu']:.0f} |")


def main(argv: list[str] | None = None) -> list[dict]:
    args = parse_args(argv)
    if args.table:
        print_table(args.table)
        return []
    data = load_toy_data(train_lines=args.train_lines)
    questions = [line for line in load_corpus()[1] if " ? " in line][:QUESTIONS]
    if args.time_steps:
        time_steps(args, data, args.time_steps)
        return []
    if args.check_library:
        check_library(args, data, questions, args.check_library)
        return []
    data, heldout = held_out_data(data, args.heldout if args.stop_at is not None else 0)
    records = []
    if args.log:
        Path(args.log).parent.mkdir(parents=True, exist_ok=True)
    for threads in args.threads:
        for seed in args.seeds:
            record, _ = run(args, data, questions, heldout, seed, threads)
            records.append(record)
            if args.log:
                with open(args.log, "a") as f:
                    f.write(json.dumps(record) + "\n")
            print(f"RUN {args.name} seed {seed} threads {threads}: {record['right']}/{QUESTIONS} right, gap "
                  f"{record['gap']:.4f}, {record['steps']} steps, wall {record['wall']:.0f} s,"
                  f" cpu {record['cpu']:.0f} s,"
                  f" {record['cpu_ms_per_step']:.1f} CPU ms/step; curve "
                  + " ".join(f"{s}:{r}" for s, r in record["curve"]), flush=True)
    ok = [r for r in records if r["right"] >= 180 and r["gap"] <= 0.015]
    print(f"SUMMARY {args.name}: {len(ok)}/{len(records)} runs >= 180/200 with gap <= 0.015; right "
          + " ".join(str(r["right"]) for r in records), flush=True)
    return records


if __name__ == "__main__":
    main()
