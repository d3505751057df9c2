using Microsoft.Extensions.Logging;
using RadioStudio.Engine.State;

namespace RadioStudio.Engine.Studio;

/// <summary>Source-generated log messages of the studio engine.</summary>
internal static partial class StudioEngineLog
{
    [LoggerMessage(1, LogLevel.Information, "ON AIR: show \"{Title}\" started")]
    public static partial void ShowStarted(ILogger logger, string title);

    [LoggerMessage(2, LogLevel.Information, "OFF AIR: show \"{Title}\" ended after {Duration}")]
    public static partial void ShowEnded(ILogger logger, string title, string duration);

    [LoggerMessage(3, LogLevel.Information, "AI respond mode is now {Mode}")]
    public static partial void RespondModeChanged(ILogger logger, RespondMode mode);

    [LoggerMessage(4, LogLevel.Information, "Auto follow-up is now {Enabled}")]
    public static partial void AutoFollowUpChanged(ILogger logger, bool enabled);

    [LoggerMessage(40, LogLevel.Information, "Routing saved (output device: {Device})")]
    public static partial void RoutingChanged(ILogger logger, string device);

    [LoggerMessage(5, LogLevel.Warning, "Command {Command} refused: {Reason}")]
    public static partial void CommandRefused(ILogger logger, string command, string reason);

    [LoggerMessage(6, LogLevel.Error, "Command {Command} failed")]
    public static partial void CommandFailed(ILogger logger, string command, Exception error);

    [LoggerMessage(7, LogLevel.Warning, "A state subscriber threw; it keeps its subscription and the studio carries on")]
    public static partial void SubscriberFailed(ILogger logger, Exception error);

    [LoggerMessage(9, LogLevel.Information, "Studio ready: database {Database}")]
    public static partial void Ready(ILogger logger, string database);

    [LoggerMessage(10, LogLevel.Information, "Call from {Number} ringing{Note}")]
    public static partial void CallRinging(ILogger logger, string number, string note);

    [LoggerMessage(11, LogLevel.Information, "{Caller} is ON AIR on channel {Channel}")]
    public static partial void CallOnAir(ILogger logger, string caller, int channel);

    [LoggerMessage(12, LogLevel.Information, "{Caller}: {Reason} after {Duration}")]
    private static partial void CallEndedCore(ILogger logger, string caller, string reason, string duration);

    public static void CallEnded(ILogger logger, string caller, string reason, TimeSpan duration) =>
        CallEndedCore(logger, caller, reason, duration.ToString(duration.TotalHours >= 1 ? @"h\:mm\:ss" : @"m\:ss", System.Globalization.CultureInfo.InvariantCulture));

    [LoggerMessage(13, LogLevel.Information, "Lines {State}")]
    public static partial void LinesBlocked(ILogger logger, string state);

    [LoggerMessage(14, LogLevel.Information, "{Count} call(s) left open by the last run were closed")]
    public static partial void OrphansClosed(ILogger logger, int count);

    [LoggerMessage(8, LogLevel.Information, "Studio restored: show \"{Title}\" with {Lines} transcript lines, {State}")]
    public static partial void Restored(ILogger logger, string title, int lines, string state);

    [LoggerMessage(41, LogLevel.Warning, "Show \"{Title}\" resumed ON AIR after the studio was down for {Downtime}; the show clock leaves that out")]
    public static partial void ShowResumed(ILogger logger, string title, string downtime);
}
