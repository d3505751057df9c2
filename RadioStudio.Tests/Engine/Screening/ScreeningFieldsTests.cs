using RadioStudio.Engine.Screening;

namespace RadioStudio.Tests.Engine.Screening;

public sealed class ScreeningFieldsTests
{
    [Fact]
    public void Merge_NameAndTopicFound_FillsAndIsComplete()
    {
        var fields = ScreeningFields.Empty.Merge(new ScreeningExtraction("Dave", "the county roads", "Dave is angry about potholes.", true));

        Assert.Equal("Dave", fields.Name);
        Assert.Equal("the county roads", fields.Topic);
        Assert.Equal("Dave is angry about potholes.", fields.Summary);
        Assert.True(fields.Complete);
    }

    [Fact]
    public void Merge_HumanEditedName_NameNeverOverwritten()
    {
        var fields = ScreeningFields.Empty
            .Merge(new ScreeningExtraction("Dave", null, null, false))
            .EditedByHuman("David Jones", null)
            .Merge(new ScreeningExtraction("Davey", "the county roads", null, true));

        Assert.Equal("David Jones", fields.Name);
        Assert.Equal("the county roads", fields.Topic);
        Assert.True(fields.NameByHuman);
        Assert.False(fields.TopicByHuman);
    }

    [Fact]
    public void Merge_EmptyOrNullLiteralExtraction_KeepsKnownValues()
    {
        var fields = new ScreeningFields("Dave", "roads", "s")
            .Merge(new ScreeningExtraction("", "null", "  ", false));

        Assert.Equal(new ScreeningFields("Dave", "roads", "s"), fields);
    }

    [Fact]
    public void Complete_OnlyName_False()
    {
        Assert.False(ScreeningFields.Empty.Merge(new ScreeningExtraction("Dave", null, null, false)).Complete);
    }
}
