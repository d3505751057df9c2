namespace RadioStudio.Engine.Callers;

/// <summary>What the studio knows about a phone number from earlier calls and the screener.</summary>
/// <param name="Number">E.164 number.</param>
/// <param name="Name">The name the screener saved for it, if any.</param>
/// <param name="Notes">The screener's saved notes, if any.</param>
/// <param name="CallCount">Earlier calls from this number that have ended.</param>
/// <param name="LastCall">When the last of them rang in, or null.</param>
/// <param name="LastSummary">Summary of the last call that went on air, or null.</param>
/// <param name="Vip">Flagged as a VIP.</param>
/// <param name="Blocked">Flagged as blocked: hears the busy message, never queues.</param>
public sealed record CallerProfile(
    string Number, string? Name, string? Notes, int CallCount, DateTimeOffset? LastCall, string? LastSummary, bool Vip, bool Blocked)
{
    /// <summary>True when there is anything to show the screener (an earlier call, a saved name or note, a flag).</summary>
    public bool IsKnown => CallCount > 0 || Name is not null || Notes is not null || Vip || Blocked;
}
