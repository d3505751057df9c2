namespace RadioStudio.Engine.Telephony;

/// <summary>The voice webhook's fields the studio uses.</summary>
public sealed record IncomingCall(string CallSid, string From, string To, string AccountSid);
