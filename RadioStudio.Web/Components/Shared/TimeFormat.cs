using System.Globalization;

namespace RadioStudio.Web.Components.Shared;

/// <summary>How the studio writes times: a show clock, a wait timer, a transcript stamp.</summary>
public static class TimeFormat
{
    /// <summary>Always hh:mm:ss, for the show clock.</summary>
    public static string Clock(TimeSpan t) => Clamp(t).ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture);

    /// <summary>m:ss under an hour, h:mm:ss after, for wait and on-air timers.</summary>
    public static string Timer(TimeSpan t)
    {
        t = Clamp(t);
        return t.TotalHours >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalHours}:{t.Minutes:00}:{t.Seconds:00}")
            : string.Create(CultureInfo.InvariantCulture, $"{t.Minutes}:{t.Seconds:00}");
    }

    /// <summary>[MM:SS] (minutes keep counting past 59), for transcript lines.</summary>
    public static string Stamp(TimeSpan t)
    {
        t = Clamp(t);
        return string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalMinutes:00}:{t.Seconds:00}");
    }

    private static TimeSpan Clamp(TimeSpan t) => t < TimeSpan.Zero ? TimeSpan.Zero : t;
}
