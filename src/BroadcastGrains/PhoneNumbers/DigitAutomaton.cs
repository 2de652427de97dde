namespace BroadcastGrains.PhoneNumbers;

/// <summary>
/// A deterministic automaton over the digits 0–9 that runs several <see cref="DigitPattern"/>s at once: each state
/// says which patterns' tags accept what has been read so far, so one walk over a number (one table look-up a digit)
/// answers every pattern. Built by the textbook construction (Thompson's NFA, then subsets of its states).
/// </summary>
internal sealed class DigitAutomaton
{
    const int Digits = 10;

    readonly int[] _next;     // [state * 10 + digit] → state, or -1 where no pattern can go on
    readonly int[] _accepts;  // [state] → tags of the patterns that match exactly what was read

    DigitAutomaton(int[] next, int[] accepts) => (_next, _accepts) = (next, accepts);

    public const int Start = 0;

    /// <summary>The state after <paramref name="digit"/>, or -1 when no pattern matches anything that goes this way.</summary>
    public int Next(int state, int digit) => _next[(state * Digits) + digit];

    /// <summary>The tags of the patterns that match exactly the digits that led to <paramref name="state"/>.</summary>
    public int Accepts(int state) => _accepts[state];

    /// <summary>
    /// Compiles <paramref name="patterns"/>, each with its tag (a bit). Refuses with <see cref="InvalidOperationException"/>
    /// past <paramref name="maxStates"/> states, so a pathological pattern costs a fallback, not the silo's memory.
    /// </summary>
    public static DigitAutomaton Build(IReadOnlyList<(DigitPattern Pattern, int Tag)> patterns, int maxStates)
    {
        var nfa = new Nfa();
        var start = nfa.NewState();
        foreach (var (pattern, tag) in patterns)
        {
            var from = nfa.NewState();
            nfa.Epsilon(start, from);
            nfa.Accept(nfa.Compile(pattern, from), tag);
        }
        return nfa.Determinize(start, maxStates);
    }

    sealed class Nfa
    {
        readonly List<List<(int Digits, int To)>> _moves = [];
        readonly List<List<int>> _epsilons = [];
        readonly List<int> _tags = [];

        public int NewState()
        {
            _moves.Add([]);
            _epsilons.Add([]);
            _tags.Add(0);
            return _tags.Count - 1;
        }

        public void Epsilon(int from, int to) => _epsilons[from].Add(to);

        public void Accept(int state, int tag) => _tags[state] |= tag;

        /// <summary>Adds <paramref name="pattern"/> from <paramref name="from"/>; answers the state where it ends.</summary>
        public int Compile(DigitPattern pattern, int from)
        {
            switch (pattern)
            {
                case DigitPattern.OneOf one:
                    var to = NewState();
                    _moves[from].Add((one.Digits, to));
                    return to;
                case DigitPattern.Sequence sequence:
                    return sequence.Parts.Aggregate(from, (at, part) => Compile(part, at));
                case DigitPattern.Either either:
                    var end = NewState();
                    foreach (var choice in either.Choices)
                    {
                        var branch = NewState();
                        Epsilon(from, branch);
                        Epsilon(Compile(choice, branch), end);
                    }
                    return end;
                case DigitPattern.Repeat repeat:
                    return CompileRepeat(repeat, from);
                default:
                    throw new InvalidOperationException($"Unknown pattern node {pattern}.");
            }
        }

        int CompileRepeat(DigitPattern.Repeat repeat, int from)
        {
            var at = from;
            for (var k = 0; k < repeat.Min; k++)
            {
                at = Compile(repeat.Part, at);
            }
            if (repeat.Max < 0)
            {
                var loop = NewState();
                Epsilon(at, loop);
                Epsilon(Compile(repeat.Part, loop), loop);
                return loop;
            }
            var end = NewState();
            Epsilon(at, end);
            for (var k = repeat.Min; k < repeat.Max; k++)
            {
                at = Compile(repeat.Part, at);
                Epsilon(at, end);
            }
            return end;
        }

        public DigitAutomaton Determinize(int start, int maxStates)
        {
            var ids = new Dictionary<string, int>(StringComparer.Ordinal);
            var sets = new List<int[]>();
            var next = new List<int>();
            var accepts = new List<int>();

            int StateOf(SortedSet<int> set)
            {
                var members = set.ToArray();
                var key = string.Join(',', members);
                if (ids.TryGetValue(key, out var id))
                {
                    return id;
                }
                if (sets.Count == maxStates)
                {
                    throw new InvalidOperationException($"More than {maxStates} states.");
                }
                id = sets.Count;
                ids[key] = id;
                sets.Add(members);
                accepts.Add(members.Aggregate(0, (tag, state) => tag | _tags[state]));
                next.AddRange(Enumerable.Repeat(-1, Digits));
                return id;
            }

            StateOf(Closure([start]));
            for (var current = 0; current < sets.Count; current++)
            {
                for (var digit = 0; digit < Digits; digit++)
                {
                    var reached = new List<int>();
                    foreach (var state in sets[current])
                    {
                        reached.AddRange(_moves[state].Where(m => (m.Digits & (1 << digit)) != 0).Select(m => m.To));
                    }
                    if (reached.Count > 0)
                    {
                        next[(current * Digits) + digit] = StateOf(Closure(reached));
                    }
                }
            }
            return new DigitAutomaton([.. next], [.. accepts]);
        }

        SortedSet<int> Closure(IEnumerable<int> states)
        {
            var closure = new SortedSet<int>();
            var pending = new Stack<int>(states);
            while (pending.Count > 0)
            {
                var state = pending.Pop();
                if (closure.Add(state))
                {
                    foreach (var to in _epsilons[state])
                    {
                        pending.Push(to);
                    }
                }
            }
            return closure;
        }
    }
}
