namespace RadioStudio.Engine.Show;

/// <summary>
/// An AI caller's reaction to an earlier call in the show. Decided once per call (when the call is picked up) and
/// passed to every turn's prompt through <see cref="CallerPromptContext.Reaction"/>, so it is never re-rolled.
/// </summary>
/// <param name="Call">The earlier call to react to.</param>
public sealed record CallReaction(EarlierCall Call)
{
    /// <summary>How often a call reacts to an earlier one (0.2).</summary>
    public const double DefaultProbability = 0.2;

    /// <summary>True when this caller was picked to follow up that call right after it ended.</summary>
    public bool IsFollowUp { get; init; }

    /// <summary>The prompt line for this reaction.</summary>
    public string Instruction => IsFollowUp
        ? $"You are calling straight after {Call.Name}'s call ({(Call.IsAi ? "AI caller" : "real caller")}), because you want to react to it. "
          + $"What was said: {Call.Summary} Say early on that you're calling about {Call.Name}'s call, then give your own take."
        : $"You heard {Call.Name} earlier ({(Call.IsAi ? "AI caller" : "real caller")}: {Call.Summary}). "
        + "At some natural moment in this call, bring up what they said once: agree, disagree or add your own take. "
        + "Don't retell their whole call.";

    /// <summary>
    /// Rolls once for a call: with <paramref name="probability"/> picks one earlier call at random to react to,
    /// never one by <paramref name="callerName"/> itself (a returning caller's own earlier call); otherwise null.
    /// Always consumes exactly one roll from <paramref name="random"/> before picking.
    /// </summary>
    public static CallReaction? Choose(
        IReadOnlyList<EarlierCall> earlierCalls, Random random, double probability = DefaultProbability, string? callerName = null)
    {
        ArgumentNullException.ThrowIfNull(earlierCalls);
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfLessThan(probability, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(probability, 1);
        if (!RandomPick.Chance(random, probability))
        {
            return null;
        }

        var candidates = earlierCalls
            .Where(c => callerName is null || !string.Equals(c.Name, callerName, StringComparison.OrdinalIgnoreCase))
            .ToList();
        return candidates.Count == 0 ? null : new CallReaction(RandomPick.One(candidates, random));
    }
}
