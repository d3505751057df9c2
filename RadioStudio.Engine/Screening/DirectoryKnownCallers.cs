using RadioStudio.Engine.Callers;

namespace RadioStudio.Engine.Screening;

/// <summary>Known callers are the caller directory's: a number with a remembered name is greeted by it.</summary>
internal sealed class DirectoryKnownCallers(ICallerDirectory directory) : IKnownCallerLookup
{
    public async ValueTask<string?> FindNameAsync(string number, CancellationToken cancellationToken = default)
    {
        var profile = await directory.LookupAsync(number, cancellationToken).ConfigureAwait(false);
        return string.IsNullOrWhiteSpace(profile.Name) ? null : profile.Name;
    }
}
