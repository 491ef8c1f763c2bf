"""English messages of lesson 02: its printouts (printouts.say("lesson02.…")) and its exercises
(ui/exercises/lesson02.py)."""

MESSAGES: dict[str, str] = {
    # --- attention_biases (studies/attention_biases.py) ---
    "attention_biases.bad_tokens": "x must be a (tokens, {width}) tensor, one row of {width} numbers per token; got shape {shape}.",
    # --- printouts (printouts.say("lesson02.…")) ---
    "lesson02.outputs": "outputs:               {values}",
    "lesson02.w_grows": "change if w grows 0.5: {values}",
    "lesson02.b_grows": "change if b grows 0.5: {values}",
    "lesson02.point": "point ({x:+.2f}, {y:+.2f}): 1·x + 1·y + 0 = {out:+.2f} → {colour}",
    "lesson02.orange": "orange",
    "lesson02.blue": "blue",
    "lesson02.line": "w1={w1:+}, w2={w2:+}, b={b:+}: slope {slope:+.1f}, crosses x = 0 at y = {crossing:+.1f}",
    "lesson02.weights_heading": "attention weights (row = query, column = key):",
    "lesson02.outputs_heading": "outputs:",
    "lesson02.helper_same": "biased_attention(ex) gives the same weights and outputs: {answer}",
    "lesson02.difference_weights": "largest difference, weights: {difference}",
    "lesson02.difference_outputs": "largest difference, outputs: {difference}",
    "lesson02.bias_effect": "{bias} = (2, -1): weights change by {weights:.2g}, outputs by {outputs:.3g}, outputs minus b_V by {minus_b_V:.2g}",
    "lesson02.rows_add_up": "each row of weights adds up to: {sums}",
    "lesson02.output_change": "output change: {change}",
    "lesson02.gradient": "gradient of {bias}: {gradient}",
    "lesson02.trained_biases": "block {block}: largest |b_Q| entry {b_Q:.4f}, largest |b_K| entry {b_K:.4f}",
    "lesson02.b_K_zeroed": "every b_K set to 0: the largest change of any attention weight is {change:.1g}",
    "lesson02.without_biases": "with biases {with_biases:,}, without {without:,}: {fewer:,} fewer ({percent:.2f}%)",
    # --- exercises (ui/exercises/lesson02.py) ---
    "ex02.neuron_output.why": "3 × 2 + 1 × (-1) + (-4) = 6 - 1 - 4 = 1.",
    "ex02.neuron_output.no_bias": "Right weighted sum. Now add the bias.",
    "ex02.neuron_output.hint": "Multiply each input by its weight, add the products, then add the bias.",
    "ex02.weight_change.why": (
        "The output is w·x + b. Raising w by 0.5 adds 0.5·x: 0, 0.5, 1.0, 1.5. The bigger the input, the bigger the change."
    ),
    "ex02.weight_change.like_bias": (
        "That is what raising the bias by 0.5 does. A weight multiplies the input: the change depends on x."
    ),
    "ex02.weight_change.hint": "Give four numbers, one per input: the new output minus the old output.",
    "ex02.useless_bias.why": (
        "b_K adds the same number q·b_K to every score of a query; softmax ignores a shift shared by "
        "the whole row, so the weights, and therefore the output, do not change."
    ),
    "ex02.useless_bias.value": "b_V leaves the weights alone, but it moves every output by b_V.",
    "ex02.useless_bias.query": "b_Q changes the queries, so the scores change differently per key: the weights move.",
    "ex02.useless_bias.hint": 'Answer with one of "b_Q", "b_K" or "b_V".',
    "ex02.value_shift.why": (
        "The weights add up to 1, so the weighted average of (v + b_V) is the old output + b_V: "
        "{before} + {b_V}."
    ),
    "ex02.value_shift.unchanged": "b_V does change the output: every value vector gets b_V added.",
    "ex02.value_shift.hint": "Give two numbers. The weights add up to 1: what happens to an average when every value moves by b_V?",
}
