using System.Collections.Concurrent;

namespace RadioStudio.Web.Telephony;

/// <summary>
/// Twilio retries a voice webhook it got no answer to. An identical retry (same CallSid and signature) within
/// 30 s, while the call has not connected its stream, gets the TwiML already given; any other request for a
/// CallSid the studio already has is a replay and is refused.
/// </summary>
public sealed class VoiceAnswerCache(TimeProvider time)
{
    /// <summary>How long an answer is repeated for a retry.</summary>
    public static readonly TimeSpan RetryWindow = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, (string Signature, string Twiml, DateTimeOffset At)> _answers = new(StringComparer.Ordinal);

    /// <summary>Remembers the TwiML given for a call.</summary>
    public void Remember(string callSid, string signature, string twiml)
    {
        var now = time.GetUtcNow();
        if (_answers.Count > 1000)
        {
            foreach (var (sid, answer) in _answers)
            {
                if (now - answer.At > RetryWindow)
                {
                    _answers.TryRemove(sid, out _);
                }
            }
        }

        _answers[callSid] = (signature, twiml, now);
    }

    /// <summary>The TwiML to repeat for an identical retry within the window; null otherwise.</summary>
    public string? Repeat(string callSid, string signature) =>
        _answers.TryGetValue(callSid, out var answer) && answer.Signature == signature && time.GetUtcNow() - answer.At <= RetryWindow
            ? answer.Twiml
            : null;
}
