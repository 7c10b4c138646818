using Amazon.SQS;
using Amazon.SQS.Model;
using Microsoft.Extensions.DependencyInjection;

namespace Promotions.Aws.Tests.Support;

/// <summary>The tables of <see cref="AwsTestResources"/> and a code-job queue of its own, deleted afterwards.</summary>
public sealed class CodeJobQueueResources : AwsTestResources
{
    public string QueueUrl { get; private set; } = "";

    public IAmazonSQS Sqs => Services.GetRequiredService<IAmazonSQS>();

    /// <summary>The settings the adapters get, the queue's URL among them (for a host built on them).</summary>
    public IReadOnlyDictionary<string, string?> AdapterSettings => Settings();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        QueueUrl = (await Sqs.CreateQueueAsync(new CreateQueueRequest { QueueName = "code-jobs-test-" + Suffix })).QueueUrl;
    }

    public override async Task DisposeAsync()
    {
        if (QueueUrl.Length > 0)
        {
            await Sqs.DeleteQueueAsync(QueueUrl);
        }

        await base.DisposeAsync();
    }

    protected override Dictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["Aws:CodeJobsQueueUrl"] = QueueUrl;
        return settings;
    }
}
