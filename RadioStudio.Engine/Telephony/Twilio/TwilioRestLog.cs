using Microsoft.Extensions.Logging;

namespace RadioStudio.Engine.Telephony.Twilio;

/// <summary>Source-generated log messages of the Twilio REST client. Never the token, never the TwiML.</summary>
internal static partial class TwilioRestLog
{
    [LoggerMessage(301, LogLevel.Information, "Twilio: {Action} call {CallSid} done")]
    public static partial void Updated(ILogger logger, string action, string callSid);

    [LoggerMessage(302, LogLevel.Information, "Twilio: {Action} call {CallSid}: the call had already ended")]
    public static partial void AlreadyEnded(ILogger logger, string action, string callSid);

    [LoggerMessage(303, LogLevel.Warning, "Twilio: {Action} call {CallSid} failed: {Reason}")]
    public static partial void Failed(ILogger logger, string action, string callSid, string reason, Exception? error);

    [LoggerMessage(305, LogLevel.Debug, "Twilio not configured (local mode): {Action} call {CallSid} skipped")]
    public static partial void NotConfigured(ILogger logger, string action, string? callSid);

    [LoggerMessage(306, LogLevel.Warning, "Twilio: refused to {Action} a call with a malformed SID")]
    public static partial void MalformedCallSid(ILogger logger, string action);
}
