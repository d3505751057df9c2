namespace RadioStudio.Engine.Telephony.Twilio;

/// <summary>The <c>start</c> message: which call this stream carries and how its audio is encoded.</summary>
public sealed record StreamStart(
    string StreamSid,
    string AccountSid,
    string CallSid,
    IReadOnlyList<string> Tracks,
    IReadOnlyDictionary<string, string> CustomParameters,
    string Encoding,
    int SampleRate,
    int Channels);
