namespace RadioStudio.Engine.Screening;

/// <summary>
/// Who a calling number belongs to, if anyone: known callers are greeted by name and asked only for today's
/// topic. The caller directory implements it; until then <see cref="NoKnownCallers"/> knows nobody.
/// </summary>
public interface IKnownCallerLookup
{
    /// <summary>The caller's name for <paramref name="number"/> (E.164), or null when unknown.</summary>
    ValueTask<string?> FindNameAsync(string number, CancellationToken cancellationToken = default);
}
