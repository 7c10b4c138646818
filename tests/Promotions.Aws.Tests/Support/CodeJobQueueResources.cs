namespace Promotions.Aws.Tests.Support;

/// <summary>The tables of <see cref="AwsTestResources"/> and a code-job queue of its own (deleted with its other queues).</summary>
public sealed class CodeJobQueueResources : AwsTestResources
{
    public string QueueUrl { get; private set; } = "";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        QueueUrl = await CreateQueueAsync("code-jobs-test-" + Suffix, []);
    }

    protected override Dictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["Aws:CodeJobsQueueUrl"] = QueueUrl;
        return settings;
    }
}
