namespace RadioStudio.Engine.Audio.Devices;

/// <summary>Waits between attempts to reopen a lost device: 1 s, 2 s, 5 s, then every 10 s.</summary>
internal static class RetryBackoff
{
    private static readonly TimeSpan[] Delays = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10)];

    /// <summary>The wait before retry number <paramref name="attempt"/> (0-based).</summary>
    public static TimeSpan Delay(int attempt) => Delays[Math.Clamp(attempt, 0, Delays.Length - 1)];
}
