using Bunit;
using RadioStudio.Engine.Audio;
using RadioStudio.Tests.Support;
using RadioStudio.Web.Components.Shared;

namespace RadioStudio.Tests.Web.Pages;

public sealed class MeterBridgeTests : PageTestContext
{
    [Fact]
    public void Levels_ArePushedToTheBars_OnlyWhenTheyMove()
    {
        var cut = Context.Render<MeterBridge>();
        Assert.Equal("-120", Meter(cut, "host").GetAttribute("data-level"));
        Assert.Empty(cut.FindAll("[data-testid=meter][data-bus=phone-1]"));

        _ = Graph.HostMic.Play(new Constant(0.25f));
        Graph.OnBlock(0);
        Meters.Tick();

        cut.WaitForAssertion(() => Assert.Equal("-12", Meter(cut, "host").GetAttribute("data-level")));
        Assert.Equal("-12", Meter(cut, "program").GetAttribute("data-level"));
        var renders = cut.RenderCount;

        // Same level again: nothing moved, nothing is pushed.
        Graph.OnBlock(1);
        Meters.Tick();
        Assert.Equal(renders, cut.RenderCount);
    }

    [Fact]
    public void Disposed_StopsListening()
    {
        var cut = Context.Render<MeterBridge>();
        cut.Instance.Dispose();

        _ = Graph.HostMic.Play(new Constant(0.5f));
        Graph.OnBlock(0);
        Meters.Tick();

        Assert.Equal("-120", Meter(cut, "host").GetAttribute("data-level"));
    }

    [Theory]
    [InlineData(-60f, 0)]
    [InlineData(-30f, 50)]
    [InlineData(0f, 100)]
    [InlineData(-120f, 0)]
    [InlineData(3f, 100)]
    public void Bar_MapsMinusSixtyToZeroDbfs(float db, double percent) => Assert.Equal(percent, MeterBridge.Percent(db));

    private static AngleSharp.Dom.IElement Meter(IRenderedComponent<MeterBridge> cut, string bus) =>
        cut.Find($"[data-testid=meter][data-bus={bus}]");

    private sealed class Constant(float value) : IAudioSource
    {
        public AudioFormat Format => AudioFormat.Studio;

        public int Read(Span<float> buffer)
        {
            buffer.Fill(value);
            return buffer.Length;
        }
    }
}
