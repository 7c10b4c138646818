using System.Net;
using Promotions.Api.Tests.Admin;
using Promotions.Api.Tests.Usage;
using Promotions.ServiceDefaults.Auth;

namespace Promotions.Api.Tests.Plans;

/// <summary>Four-eyes approval: a marketer submits, another admin approves or rejects; nothing is scheduled and no plan runs before.</summary>
public sealed class CampaignApprovalTests : IDisposable
{
    private readonly UsageHost _host = new();
    private readonly HttpClient _marketer;
    private readonly HttpClient _alice;
    private readonly HttpClient _bob;

    public CampaignApprovalTests()
    {
        _marketer = _host.Staff("mia", Roles.Marketer);
        _alice = _host.Staff("alice", Roles.Admin);
        _bob = _host.Staff("bob", Roles.Admin);
    }

    public void Dispose()
    {
        _marketer.Dispose();
        _alice.Dispose();
        _bob.Dispose();
        _host.Dispose();
    }

    [Fact]
    public async Task Approval_SubmittedByAMarketerAndApprovedByAnAdmin_LetsThePlanRun()
    {
        var now = _host.Clock.GetUtcNow();
        var (campaign, tag, teaser, main) = await PlanApi.CampaignAsync(_marketer, now, requiresApproval: true);
        tag = await PlanApi.PutPlanAsync(_marketer, campaign, PlanApi.ThreeStages(teaser, main), tag);
        var path = $"/admin/campaigns/{campaign}";

        var unapproved = await (await _marketer.PostJson($"{path}/lifecycle", new { action = "schedule" }, tag)).Expect(HttpStatusCode.Conflict);
        Assert.Equal("approval_required", unapproved.Code());
        Assert.Equal("approval_state", (await (await _alice.PostJson($"{path}/approve", new { }, tag)).Expect(HttpStatusCode.Conflict)).Code());

        using var submitted = await _marketer.PostJson($"{path}/submit", new { }, tag);
        var pending = await submitted.Expect(HttpStatusCode.OK);
        tag = submitted.Headers.ETag!.ToString();
        Assert.Equal(("pending", "mia"), (pending.GetProperty("approval").GetProperty("status").GetString(), pending.GetProperty("approval").GetProperty("submittedBy").GetString()));

        await (await _marketer.PostJson($"{path}/approve", new { }, tag)).Expect(HttpStatusCode.Forbidden);
        using var approved = await _alice.PostJson($"{path}/approve", new { }, tag);
        var decided = await approved.Expect(HttpStatusCode.OK);
        Assert.Equal(("approved", "alice"), (decided.GetProperty("approval").GetProperty("status").GetString(), decided.GetProperty("approval").GetProperty("decidedBy").GetString()));

        await (await _marketer.PostJson($"{path}/lifecycle", new { action = "schedule" }, approved.Headers.ETag!.ToString())).Expect(HttpStatusCode.OK);
        _host.Clock.SetUtcNow(now.AddMinutes(5));
        await PlanApi.StageRanAsync(_marketer, _host.Clock, campaign, 0);
        Assert.Equal("active", (await PlanApi.GetAsync(_marketer, $"/admin/promotions/{teaser}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Approve_BySubmittingAdmin_Returns403FourEyes_AndRejectNeedsAReason()
    {
        var (campaign, tag, _, _) = await PlanApi.CampaignAsync(_alice, _host.Clock.GetUtcNow(), requiresApproval: true);
        var path = $"/admin/campaigns/{campaign}";
        using var submitted = await _alice.PostJson($"{path}/submit", new { }, tag);
        await submitted.Expect(HttpStatusCode.OK);
        tag = submitted.Headers.ETag!.ToString();

        Assert.Equal("four_eyes", (await (await _alice.PostJson($"{path}/approve", new { }, tag)).Expect(HttpStatusCode.Forbidden)).Code());
        var noReason = await (await _bob.PostJson($"{path}/reject", new { }, tag)).Expect(HttpStatusCode.BadRequest);
        Assert.Contains(("required", "$.reason"), noReason.Errors());

        var rejected = await (await _bob.PostJson($"{path}/reject", new { reason = "Budget too high" }, tag)).Expect(HttpStatusCode.OK);
        Assert.Equal(("rejected", "Budget too high"),
            (rejected.GetProperty("approval").GetProperty("status").GetString(), rejected.GetProperty("approval").GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task Update_WhenAMarketerTakesTheRequirementOff_Returns403()
    {
        var (campaign, tag, _, _) = await PlanApi.CampaignAsync(_marketer, _host.Clock.GetUtcNow(), requiresApproval: true);
        var body = AdminBodies.Campaign();
        body["requiresApproval"] = false;

        var problem = await (await _marketer.PutJson($"/admin/campaigns/{campaign}", body, tag)).Expect(HttpStatusCode.Forbidden);

        Assert.Contains(("admin_only", "$.requiresApproval"), problem.Errors());
        await (await _alice.PutJson($"/admin/campaigns/{campaign}", body, tag)).Expect(HttpStatusCode.OK);
    }
}
