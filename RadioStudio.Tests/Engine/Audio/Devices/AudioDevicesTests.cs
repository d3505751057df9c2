using RadioStudio.Engine.Audio.Devices;
using RadioStudio.Engine.Audio.Routing;

namespace RadioStudio.Tests.Engine.Audio.Devices;

public class AudioDevicesTests
{
    private static readonly AudioDeviceInfo[] Devices =
    [
        new("system", "ALSA", 2, 0, 48_000),
        new("hw:CARD=USB,DEV=0", "ALSA", 2, 18, 48_000),
        new("system", "JACK Audio Connection Kit", 2, 8, 48_000),
        new("System", "ALSA", 0, 2, 44_100),
    ];

    [Fact]
    public void Match_DisplayName_PicksThatHostApisDevice()
    {
        Assert.Same(Devices[2], AudioDevices.Match(Devices, "JACK Audio Connection Kit | system", output: true));
        Assert.Same(Devices[0], AudioDevices.Match(Devices, "ALSA | system", output: false));
    }

    [Fact]
    public void Match_ExactName_BeatsContainsAndSkipsDevicesWithoutChannelsThatWay()
    {
        // ALSA "system" has no outputs, so the JACK one is the first exact output match; "System" differs in case.
        Assert.Same(Devices[2], AudioDevices.Match(Devices, "system", output: true));
        Assert.Same(Devices[3], AudioDevices.Match(Devices, "System", output: true));
    }

    [Fact]
    public void Match_Fragment_CaseInsensitiveContainsOnTheDisplayName()
    {
        Assert.Same(Devices[1], AudioDevices.Match(Devices, "card=usb", output: true));
        Assert.Same(Devices[2], AudioDevices.Match(Devices, "jack", output: true));
        Assert.Null(AudioDevices.Match(Devices, "nothing like it", output: true));
        Assert.Null(AudioDevices.Match(Devices, "  ", output: true));
    }

    [Fact]
    public void NullOutput_CountsBlocks()
    {
        var output = new NullOutput();
        var block = MixBlock.Standard(2);

        for (var i = 0; i < 5; i++)
        {
            output.Write(block);
        }

        Assert.Equal(5, output.BlocksWritten);
        Assert.Equal("null", output.Name);
    }
}
