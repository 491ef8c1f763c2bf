"""English messages of lesson 01: its modules (studies/neurons.py), its printouts (printouts.say("lesson01.…")) and
its exercises (ui/exercises/lesson01.py)."""

MESSAGES: dict[str, str] = {
    # --- neurons (studies/neurons.py; lessons 01 and 02) ---
    "neurons.weights_per_input": "A neuron needs one weight per input: {inputs} inputs but {weights} weights.",
    "neurons.bad_sizes": "Layer sizes must be at least two whole numbers of 1 or more (inputs, then layers), not {sizes}.",
    "neurons.too_big": (
        "A network of these sizes holds about {n} numbers ({gb:.0f} GB in float32): too big to build here "
        "(the limit is {limit}). Count it without memory with mlp_layer_counts."
    ),
    "neurons.bad_part": 'part must be "weight" or "bias", not {part!r}.',
    "neurons.bias_width": "This bias needs {width} numbers (the width of the tokens), not {got}.",
    "neurons.bad_points": "points must be a tensor of shape (n, 2), one point (x, y) per row; got shape {shape}.",
    # --- printouts (printouts.say("lesson01.…")) ---
    "lesson01.neurons": "neurons:    {n}",
    "lesson01.parameters": "parameters: {n}",
    "lesson01.guess": "the guess:                {n}",
    "lesson01.weight_tensor": "weight tensor:            {shape} = {n} numbers",
    "lesson01.bias_tensor": "bias tensor:              {shape} = {n} numbers",
    "lesson01.torch_total": "torch, weights + biases:  {n}",
    "lesson01.too_big": "the guess is {times:.0f} times too big",
    "lesson01.layer_row": "layer {layer}: weights {inputs} × {neurons} = {weights:,}, biases {biases}, together {total:,}",
    "lesson01.blocks": "transformer blocks ('layers' in LLM talk): {n}",
    "lesson01.linear_layer": "  {group}: {n} linear layer: {names}",
    "lesson01.linear_layers": "  {group}: {n} linear layers: {names}",
    "lesson01.outside": "outside",
    "lesson01.tied": "unembed reuses the token embedding table (tied, no matrix of its own): {answer}",
    "lesson01.formula_row": "{part:>18}: formula {formula:>7,}   torch {torch:>7,}",
    "lesson01.formula_total": "             total: formula {formula:>7,}   torch {torch:>7,}",
    "lesson01.gpt3_count": "GPT-3: {n:,} parameters (torch); the formula agrees: {agrees}",
    "lesson01.gpt3_billions": "  = {count}: '175B' is the model's name, the count rounded",
    "lesson01.gpt2_count": "GPT-2 small: {n:,} parameters",
    "lesson01.gpt2_millions": "  = {count}: the '124M' of GPT-2 small's usual name",
    "lesson01.ratio": "GPT-3 has {ratio:,.0f} times the parameters of GPT-2 small, and the same vocabulary size.",
    "lesson01.embedding_share": "{name:>15}: {embedding:>13,} of {total:>15,} in the token embedding = {percent:.2f}%",
    "lesson01.vocabularies": "our tiny model's vocabulary: {ours} tokens; GPT-2's: {gpt2}",
    "lesson01.memory_row": "{name:>15}: {n:>16,} parameters → {float32:8.3g} GB in float32, {bfloat16:8.3g} GB in bfloat16",
    # --- exercises (ui/exercises/lesson01.py) ---
    "ex01.hidden_parameters.why": (
        "Each of the 100 hidden neurons has one weight per input (10) and one bias: "
        "10 × 100 weights + 100 biases = 1,100."
    ),
    "ex01.hidden_parameters.times_biases": (
        "Biases are added, not multiplied: each neuron has exactly one bias, so 100 neurons have 100 biases."
    ),
    "ex01.hidden_parameters.no_biases": "That counts the weights only. Every neuron also has one bias.",
    "ex01.hidden_parameters.whole_network": "That is the whole network. Count only the hidden layer.",
    "ex01.hidden_parameters.neurons": "That is the number of hidden neurons. Count their weights and biases.",
    "ex01.hidden_parameters.hint": "Per neuron: one weight per input, plus one bias. Then multiply by 100 neurons.",
    "ex01.total_parameters.why": (
        "Hidden layer: 784 × 128 + 128 = 100,480. Output layer: 128 × 10 + 10 = 1,290. Total 101,770."
    ),
    "ex01.total_parameters.neurons": "That is the number of neurons, not of parameters.",
    "ex01.total_parameters.no_biases": "You have all the weights; add one bias per neuron.",
    "ex01.total_parameters.hint": "Do it layer by layer: inputs × neurons + neurons, then add the two layers.",
    "ex01.vocabulary.why": (
        "GPT-2 small reads and writes 50,257 different tokens (its vocabulary). "
        "Its ~124 million parameters are learned numbers, a different thing."
    ),
    "ex01.vocabulary.context": "1,024 is its context length: how many tokens it reads at once.",
    "ex01.vocabulary.parameters": "That is a parameter count: learned numbers, not different tokens.",
    "ex01.vocabulary.hint": "Look at vocab_size in PUBLISHED_CONFIGS[\"GPT-2 small\"].",
    "ex01.memory_gb.why": (
        "GPT-2 XL has {params:,} parameters × 2 bytes = {gb:.2f} × 10⁹ bytes (GB). "
        "Running it needs more: activations, and for training also gradients and optimizer state."
    ),
    "ex01.memory_gb.precision": (
        "Close. Work it out to one decimal place: "
        "the checker accepts {tolerance} GB either side of the exact value."
    ),
    "ex01.memory_gb.fp32": "That is float32 (4 bytes per number). bfloat16 uses 2.",
    "ex01.memory_gb.bytes": "That looks like bytes. Divide by 1,000,000,000 to get GB.",
    "ex01.memory_gb.hint": "Parameters × bytes per number, then divide by 1,000,000,000.",
}
