namespace RadioStudio.Engine.Callers;

/// <summary>
/// Phone callers recognised by number (E.164): their earlier calls, the screener's saved name and notes, and the
/// VIP / blocked flags. Safe to call from any thread.
/// </summary>
public interface ICallerDirectory
{
    /// <summary>Everything known about <paramref name="number"/> (an empty profile for a stranger).</summary>
    Task<CallerProfile> LookupAsync(string number, CancellationToken cancellationToken = default);

    /// <summary>True when the number is blocked (answered synchronously from memory, for the call webhook).</summary>
    bool IsBlocked(string number);

    /// <summary>Remembers the screener's name and notes for a number (null leaves a value as it is).</summary>
    Task SaveDetailsAsync(string number, string? name, string? notes, CancellationToken cancellationToken = default);

    /// <summary>Sets the VIP and blocked flags of a number.</summary>
    Task SetFlagsAsync(string number, bool vip, bool blocked, CancellationToken cancellationToken = default);

    /// <summary>Known numbers whose number, name or notes contain <paramref name="text"/> (all when empty), most recent first.</summary>
    Task<IReadOnlyList<CallerProfile>> SearchAsync(string? text, CancellationToken cancellationToken = default);
}
