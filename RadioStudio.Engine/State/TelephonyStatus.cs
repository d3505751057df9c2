namespace RadioStudio.Engine.State;

/// <summary>How the phone side is connected, for the console header.</summary>
/// <param name="Local">True when no Twilio credentials are configured: only simulated calls ring in.</param>
/// <param name="PhoneNumber">The studio's number, if configured.</param>
public sealed record TelephonyStatus(bool Local, string? PhoneNumber)
{
    /// <summary>Before the phone system has started.</summary>
    public static TelephonyStatus Unknown { get; } = new(true, null);
}
