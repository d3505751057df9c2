using System.Globalization;

namespace RadioStudio.Engine.Export;

/// <summary>The time spellings the export formats use.</summary>
public static class TimeText
{
    /// <summary><c>MM:SS</c> (minutes past 59 keep counting: <c>75:02</c>).</summary>
    public static string Minutes(TimeSpan time) =>
        string.Create(CultureInfo.InvariantCulture, $"{(int)time.TotalMinutes:00}:{time.Seconds:00}");

    /// <summary>WebVTT's <c>HH:MM:SS.mmm</c>.</summary>
    public static string Vtt(TimeSpan time) => Clock(time, '.');

    /// <summary>SRT's <c>HH:MM:SS,mmm</c>.</summary>
    public static string Srt(TimeSpan time) => Clock(time, ',');

    /// <summary>Seconds with millisecond precision, for JSON.</summary>
    public static double Seconds(TimeSpan time) => Math.Round(time.TotalSeconds, 3);

    private static string Clock(TimeSpan time, char separator) =>
        string.Create(CultureInfo.InvariantCulture, $"{(int)time.TotalHours:00}:{time.Minutes:00}:{time.Seconds:00}{separator}{time.Milliseconds:000}");
}
