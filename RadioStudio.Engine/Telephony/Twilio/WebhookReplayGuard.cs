using System.Collections.Concurrent;

namespace RadioStudio.Engine.Telephony.Twilio;

/// <summary>
/// Refuses a signed webhook seen before: a captured request replayed later carries a valid signature, so
/// the signature itself is remembered for a window (Twilio signs each distinct request differently).
/// </summary>
public sealed class WebhookReplayGuard(TimeProvider time)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(15);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);

    /// <summary>True the first time a signature is seen within the window; false for a replay.</summary>
    public bool TryAccept(string signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        var now = time.GetUtcNow();
        if (_seen.Count > 10_000)
        {
            foreach (var (key, at) in _seen)
            {
                if (now - at > Window)
                {
                    _seen.TryRemove(key, out _);
                }
            }
        }

        if (_seen.TryAdd(signature, now))
        {
            return true;
        }

        // Seen before: accept only if that was outside the window (and only one concurrent request wins).
        return _seen.TryGetValue(signature, out var first) && now - first > Window && _seen.TryUpdate(signature, now, first);
    }
}
