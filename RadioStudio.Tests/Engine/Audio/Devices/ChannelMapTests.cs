using RadioStudio.Engine.Audio.Devices;
using RadioStudio.Engine.Audio.Routing;

namespace RadioStudio.Tests.Engine.Audio.Devices;

public class ChannelMapTests
{
    private const float Tolerance = 1e-6f;

    // Bus i carries the constant 0.01 × (i + 1), so every channel's value names the buses summed into it.
    private static MixBlock ConstantBlock(int phoneSlots)
    {
        var block = MixBlock.Standard(phoneSlots);
        for (var i = 0; i < block.Buses.Length; i++)
        {
            block.Write(i).Fill(0.01f * (i + 1));
            block.SetActive(i, true);
        }

        return block;
    }

    private static float[] Interleave(ChannelMap map, MixBlock block)
    {
        var interleaved = new float[map.BlockLength];
        interleaved.AsSpan().Fill(123f); // must be cleared, not added to
        map.Interleave(block, interleaved);
        return interleaved;
    }

    private static void AssertChannels(float[] interleaved, int channels, float[] expected)
    {
        Assert.Equal(channels, expected.Length);
        for (var frame = 0; frame < MixBlock.Samples; frame++)
        {
            for (var c = 0; c < channels; c++)
            {
                var actual = interleaved[(frame * channels) + c];
                Assert.True(Math.Abs(actual - expected[c]) < Tolerance, $"frame {frame} channel {c + 1}: {actual}, expected {expected[c]}");
            }
        }
    }

    [Fact]
    public void Interleave_DefaultTableOn16Channels_EachBusOnItsChannelAndProgramOnBoth()
    {
        // Buses: host .01, ai .02, phone-1..6 .03–.08, music .09, sfx .10, ads .11, program .12.
        var map = new ChannelMap(new RoutingTable(), 16);

        var interleaved = Interleave(map, ConstantBlock(6));

        AssertChannels(interleaved, 16, [0.01f, 0.02f, 0.03f, 0.04f, 0.05f, 0.06f, 0.07f, 0.08f, 0.09f, 0.10f, 0.11f, 0f, 0f, 0f, 0.12f, 0.12f]);
        Assert.Empty(map.FoldedBuses);
    }

    [Fact]
    public void Interleave_DefaultTableOn8Channels_FoldsEverythingPastOntoTheLastOnce()
    {
        var map = new ChannelMap(new RoutingTable(), 8);

        var interleaved = Interleave(map, ConstantBlock(6));

        // Channel 8: phone-6 .08 + music .09 + sfx .10 + ads .11 + program .12 (L and R fold to one channel: added once).
        AssertChannels(interleaved, 8, [0.01f, 0.02f, 0.03f, 0.04f, 0.05f, 0.06f, 0.07f, 0.08f + 0.09f + 0.10f + 0.11f + 0.12f]);
        Assert.Equal(["music", "sfx", "ads", "program"], map.FoldedBuses.ToArray());
    }

    [Fact]
    public void Interleave_TableThatFits_SharedChannelSumsAndProgramOnTwoChannels()
    {
        var routing = new RoutingTable { PhoneSlots = 2, Music = 5, Effects = 6, Ads = 6, ProgramLeft = 7, ProgramRight = 8 };
        var map = new ChannelMap(routing, routing.ChannelsNeeded);

        // Standard(2): host .01, ai .02, phone-1 .03, phone-2 .04, music .05, sfx .06, ads .07, program .08.
        var interleaved = Interleave(map, ConstantBlock(2));

        AssertChannels(interleaved, 8, [0.01f, 0.02f, 0.03f, 0.04f, 0.05f, 0.06f + 0.07f, 0.08f, 0.08f]);
        Assert.Empty(map.FoldedBuses);
    }

    [Fact]
    public void Interleave_MorePhoneSlotsThanTheTableRoutes_ExtraSlotsHaveNoChannel()
    {
        var routing = new RoutingTable { PhoneSlots = 2, Music = 5, Effects = 6, Ads = 6, ProgramLeft = 7, ProgramRight = 8 };
        var map = new ChannelMap(routing, 8);

        // Standard(4): host .01, ai .02, phone-1..4 .03–.06, music .07, sfx .08, ads .09, program .10; phone-3/4 unrouted.
        var interleaved = Interleave(map, ConstantBlock(4));

        AssertChannels(interleaved, 8, [0.01f, 0.02f, 0.03f, 0.04f, 0.07f, 0.08f + 0.09f, 0.10f, 0.10f]);
    }

    [Fact]
    public void Interleave_SamplesKeepTheirOrderWithinTheChannel()
    {
        var map = new ChannelMap(new RoutingTable(), 16);
        var block = MixBlock.Standard(6);
        var host = block.IndexOf(new BusId(BusKind.HostMic));
        for (var n = 0; n < MixBlock.Samples; n++)
        {
            block.Write(host)[n] = n / 1000f;
        }

        var interleaved = Interleave(map, block);

        for (var n = 0; n < MixBlock.Samples; n++)
        {
            Assert.Equal(n / 1000f, interleaved[n * 16]);
            Assert.Equal(0f, interleaved[(n * 16) + 1]);
        }
    }

    [Fact]
    public void Interleave_OneChannelDevice_EverythingSumsOnIt()
    {
        var map = new ChannelMap(new RoutingTable(), 1);

        var interleaved = Interleave(map, ConstantBlock(6));

        // All twelve buses once: 0.01 × (1 + … + 12) = 0.78.
        AssertChannels(interleaved, 1, [0.78f]);
        Assert.Equal(11, map.FoldedBuses.Length);
    }
}
