using RadioStudio.Engine.Audio.Media;
using RadioStudio.Tests.Support;
using static RadioStudio.Tests.Engine.Audio.DspTestHelpers;
using static RadioStudio.Tests.Engine.Audio.Nodes.NodeTestHelpers;

namespace RadioStudio.Tests.Engine.Audio.Media;

public sealed class EffectsCartTests
{
    private const int Rate = 48_000;

    [Fact]
    public void NoFiles_BuiltInsPresentWithHotkeys()
    {
        var cart = new EffectsCart();

        Assert.Equal(["ring", "busy", "hangup", "stinger"], cart.Items.Select(i => i.Id));
        Assert.Equal(['1', '2', '3', '4'], cart.Items.Select(i => i.Key!.Value));
        Assert.All(cart.Items, i => Assert.True(i.IsBuiltIn));
        Assert.Equal("busy", cart.FindByKey('2')!.Id);
    }

    [Fact]
    public void Ring_440And480HzFor2Seconds()
    {
        var ring = new EffectsCart().Find("ring")!.Samples.Span;

        Assert.Equal(2 * Rate, ring.Length);
        var middle = ring.Slice(Rate / 2, Rate); // 1 s: whole cycles of every tone below
        Assert.Equal(0.2, GoertzelAmplitude(middle, 440, Rate), 0.002);
        Assert.Equal(0.2, GoertzelAmplitude(middle, 480, Rate), 0.002);
        Assert.True(GoertzelAmplitude(middle, 350, Rate) < 1e-3);
        Assert.True(GoertzelAmplitude(middle, 620, Rate) < 1e-3);
        Assert.True(Math.Abs(ring[0]) < 1e-6 && Math.Abs(ring[^1]) < 1e-3, "soft edges, no click");
    }

    [Fact]
    public void Busy_480And620Hz_HalfSecondOnOff_ThreeTimes()
    {
        var busy = new EffectsCart().Find("busy")!.Samples.Span;

        Assert.Equal(3 * Rate, busy.Length);
        for (var cycle = 0; cycle < 3; cycle++)
        {
            var on = busy.Slice(cycle * Rate, Rate / 2);
            var off = busy.Slice((cycle * Rate) + (Rate / 2), Rate / 2);
            var steady = on.Slice(Rate / 10, (int)(0.3 * Rate)); // 144 and 186 whole cycles
            Assert.Equal(0.2, GoertzelAmplitude(steady, 480, Rate), 0.002);
            Assert.Equal(0.2, GoertzelAmplitude(steady, 620, Rate), 0.002);
            Assert.True(GoertzelAmplitude(steady, 440, Rate) < 1e-3);
            Assert.True(Rms(on) > 0.15);
            Assert.True(off.IndexOfAnyExcept(0f) < 0, $"off period {cycle} is silent");
        }
    }

    [Fact]
    public void Hangup_ClickThenDialTone()
    {
        var hangup = new EffectsCart().Find("hangup")!.Samples.Span;

        Assert.True(Peak(hangup[..(Rate / 200)]) > 0.3, "starts with the hook-switch click");
        Assert.True(Peak(hangup.Slice((int)(0.05 * Rate), (int)(0.12 * Rate))) < 1e-3, "then a gap");
        var tone = hangup.Slice((int)(0.23 * Rate), Rate / 5); // 70 and 88 whole cycles
        Assert.Equal(0.2, GoertzelAmplitude(tone, 350, Rate), 0.002);
        Assert.Equal(0.2, GoertzelAmplitude(tone, 440, Rate), 0.002);
    }

    [Fact]
    public void Stinger_PeaksAtMinus6Db()
    {
        var stinger = new EffectsCart().Find("stinger")!.Samples.Span;

        Assert.Equal(0.5, Peak(stinger), 1e-6);
    }

    [Fact]
    public async Task Fire_TwoOverlappingConstantClips_SumExactly()
    {
        using var folder = new TempDirectory();
        MediaTestFiles.Wav(folder.Path, "a.wav", Enumerable.Repeat(0.25f, 4800).ToArray());
        MediaTestFiles.Wav(folder.Path, "b.wav", Enumerable.Repeat(0.5f, 1920).ToArray());
        var cart = await EffectsCart.LoadAsync(folder.Path);

        Assert.True(cart.Fire("a"));
        var first = ReadAll(cart, 960);
        Assert.True(cart.Fire("b"));
        var overlap = ReadAll(cart, 960);
        Assert.Equal(2, cart.ActiveVoices);
        overlap = [.. overlap, .. ReadAll(cart, 960)];
        var rest = ReadAll(cart, 2880);

        Assert.All(first, s => Assert.Equal(0.25f, s));
        Assert.All(overlap, s => Assert.Equal(0.75f, s));
        Assert.All(rest[..1920], s => Assert.Equal(0.25f, s));
        Assert.All(rest[1920..], s => Assert.Equal(0f, s));
        Assert.Equal(0, cart.ActiveVoices);
    }

    [Fact]
    public void Fire_SameSoundTwice_Overlaps()
    {
        var cart = new EffectsCart([new CartItem("x", "x", Enumerable.Repeat(1f, 2000).ToArray())]);

        cart.Fire("x");
        ReadAll(cart, 960);
        cart.Fire("x");
        var output = ReadAll(cart, 2000);

        Assert.All(output[..1040], s => Assert.Equal(2f, s));
        Assert.All(output[1040..], s => Assert.Equal(1f, s));
    }

    [Fact]
    public void Fire_PoolFull_StealsOldestVoice()
    {
        float[] Constant(float v) => Enumerable.Repeat(v, 9600).ToArray();
        var cart = new EffectsCart([new CartItem("a", "a", Constant(1)), new CartItem("b", "b", Constant(2)), new CartItem("c", "c", Constant(4))], voices: 2);

        cart.Fire("a");
        cart.Fire("b");
        Assert.All(ReadAll(cart, 960), s => Assert.Equal(3f, s));
        cart.Fire("c");
        var output = ReadAll(cart, 960);

        Assert.All(output, s => Assert.Equal(6f, s)); // a (oldest) stolen: b + c
        Assert.Equal(1, cart.VoicesStolen);
        Assert.Equal(2, cart.ActiveVoices);
    }

    [Fact]
    public void StopAll_FadesOutIn5Ms()
    {
        var cart = new EffectsCart([new CartItem("x", "x", Enumerable.Repeat(1f, 9600).ToArray())]);
        cart.Fire("x");
        ReadAll(cart, 960);

        cart.StopAll();
        var output = ReadAll(cart, 960);

        for (var i = 0; i < 240; i++)
        {
            Assert.Equal((float)(239 - i) / 240, output[i]);
        }

        Assert.All(output[240..], s => Assert.Equal(0f, s));
        Assert.Equal(0, cart.ActiveVoices);
    }

    [Fact]
    public void Fire_UnknownId_False()
    {
        Assert.False(new EffectsCart().Fire("kazoo"));
    }

    [Fact]
    public async Task Fire_ManyThreadsWhileReading_EveryAcceptedFiringSoundsOnce()
    {
        var cart = new EffectsCart([new CartItem("tick", "tick", Enumerable.Repeat(1f, 1).ToArray())], voices: 512);
        var accepted = 0;
        var firers = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 200; i++)
            {
                if (cart.Fire("tick"))
                {
                    Interlocked.Increment(ref accepted);
                }
            }
        })).ToArray();

        var total = 0.0;
        var block = new float[960];
        while (!Task.WhenAll(firers).IsCompleted)
        {
            cart.Read(block);
            total += block.Sum();
        }

        await Task.WhenAll(firers);
        cart.Read(block);
        total += block.Sum();

        Assert.True(accepted > 0);
        Assert.Equal(accepted, total);
    }

    [Fact]
    public async Task LoadAsync_Folder_FilesFirstSortedThenBuiltIns_FileReplacesBuiltIn()
    {
        using var folder = new TempDirectory();
        MediaTestFiles.Wav(folder.Path, "ring.wav", [0.5f, 0.5f]);
        await MediaTestFiles.SineAsync(folder.Path, "applause.mp3", 1000, 0.5, 44_100);
        await File.WriteAllTextAsync(Path.Combine(folder.Path, "notes.txt"), "not audio");
        await File.WriteAllBytesAsync(Path.Combine(folder.Path, "broken.flac"), new byte[64]);

        var cart = await EffectsCart.LoadAsync(folder.Path);

        Assert.Equal(["applause", "ring", "busy", "hangup", "stinger"], cart.Items.Select(i => i.Id));
        Assert.Equal(['1', '2', '3', '4', '5'], cart.Items.Select(i => i.Key!.Value));
        Assert.False(cart.Find("ring")!.IsBuiltIn);
        Assert.Equal([0.5f, 0.5f], cart.Find("ring")!.Samples.ToArray());
        Assert.InRange(cart.Find("applause")!.Samples.Length, 24_000 - 1254, 24_000 + 1254);
        Assert.Contains(cart.LoadErrors, e => e.Contains("broken.flac", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LoadAsync_MissingFolder_BuiltInsAndAMessage()
    {
        using var folder = new TempDirectory();

        var cart = await EffectsCart.LoadAsync(Path.Combine(folder.Path, "nope"));

        Assert.Equal(4, cart.Items.Count);
        Assert.Single(cart.LoadErrors);
    }

    [Fact]
    public void Items_PastThirtySix_NoHotkey()
    {
        var items = Enumerable.Range(0, 40).Select(i => new CartItem($"s{i:00}", "s", new float[1]));

        var cart = new EffectsCart(items);

        Assert.Equal('0', cart.Items[9].Key);
        Assert.Equal('a', cart.Items[10].Key);
        Assert.Equal('z', cart.Items[35].Key);
        Assert.Null(cart.Items[36].Key);
    }

    [Fact]
    public void Read_AfterWarmUp_AllocatesNothing()
    {
        var cart = new EffectsCart();
        cart.Fire("ring");
        cart.Fire("busy");

        Assert.Equal(0, AllocatedOver1000Reads(cart));
    }
}
