namespace RadioStudio.Engine.Screening;

/// <summary>The default <see cref="IKnownCallerLookup"/>: knows nobody (registered with TryAdd, so a directory replaces it).</summary>
public sealed class NoKnownCallers : IKnownCallerLookup
{
    /// <inheritdoc />
    public ValueTask<string?> FindNameAsync(string number, CancellationToken cancellationToken = default) => ValueTask.FromResult<string?>(null);
}
