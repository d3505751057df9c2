using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using RadioStudio.Engine.Studio;

namespace RadioStudio.Tests.Web.Security;

/// <summary>B8: text from the network can neither forge event-log lines nor flood real warnings out.</summary>
public sealed class LogEscapingTests
{
    [Fact]
    public void Escape_ControlCharacters_BecomeVisibleEscapes()
    {
        var escaped = LogText.Escape("CA1\nOFF AIR\r\u001b[2J\u0007");
        Assert.Equal("CA1\\nOFF AIR\\r\\u001B[2J\\u0007", escaped);
        Assert.DoesNotContain(escaped, char.IsControl);
        Assert.Equal("plain", LogText.Escape("plain"));
        Assert.Equal(LogText.MaxLength + 1, LogText.Escape(new string('x', 5000)).Length);
    }

    [Fact]
    public void Sink_EscapesAndRateLimitsPerCategory_ButNeverErrors()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-12-04T20:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var sink = new StudioEventLogSink(time);
        for (var i = 0; i < 500; i++)
        {
            sink.Write(LogLevel.Warning, "TwilioEndpoints", $"Refused line {i}\nOFF AIR");
        }

        sink.Write(LogLevel.Error, "TwilioEndpoints", "a real error");
        sink.Write(LogLevel.Warning, "PhoneSystem", "a real warning");
        time.Advance(TimeSpan.FromSeconds(1));
        sink.Write(LogLevel.Warning, "TwilioEndpoints", "next second");

        var entries = Drain(sink);
        Assert.Equal(StudioEventLogSink.LinesPerSecond, entries.Count(e => e.Message.StartsWith("Refused line", StringComparison.Ordinal)));
        Assert.All(entries, e => Assert.DoesNotContain('\n', e.Message));
        Assert.Contains(entries, e => e.Message == "a real error");
        Assert.Contains(entries, e => e.Message == "a real warning");
        Assert.Contains(entries, e => e.Message.StartsWith("480 more line(s) from TwilioEndpoints", StringComparison.Ordinal));
        Assert.Equal("next second", entries[^1].Message);
    }

    private static List<RadioStudio.Engine.State.StudioLogEntry> Drain(StudioEventLogSink sink)
    {
        var entries = new List<RadioStudio.Engine.State.StudioLogEntry>();
        while (sink.Reader.TryRead(out var entry))
        {
            entries.Add(entry);
        }

        return entries;
    }
}
