namespace Promotions.Embedded.Tests.Customers;

/// <summary>
/// Rows exactly as the customer store wrote them before personal data was encrypted (taken from a database it wrote:
/// documents with the plain address and name, the lower-cased address in <c>email_lower</c>), plus a customer deleted then,
/// whose plaintext only the file's free space still holds.
/// </summary>
internal static class LegacyCustomerRows
{
    public const string Sql = """
        INSERT INTO "customers" VALUES('cus_legacy_ada',1,'{"id":"cus_legacy_ada","email":"  Ada.Lovelace@Example.COM ","name":"Ada Lovelace","attributes":{"tier":"gold","ratio":1.50},"segmentIds":["seg_vip","seg_newsletter"],"createdAt":"2026-04-01T08:00:00+00:00","lastActiveAt":"2026-04-04T08:00:00+00:00","history":{"orderCount":2,"lifetimeSpend":80.50,"lastOrderAt":"2026-04-02T08:00:00+00:00","items":[{"sku":"SKU-7","category":"books","purchasedAt":"2026-04-02T08:00:00+00:00"}]},"location":{"country":"GB","region":null,"city":"London","postalCode":"NW1","storeId":null,"latitude":51.5,"longitude":-0.12},"version":1}','ada.lovelace@example.com');
        INSERT INTO "customers" VALUES('cus_legacy_zoe',2,'{"id":"cus_legacy_zoe","email":"zoe.obrien@example.org","name":"Zo\u00EB O\u0027Brien-\u00D1\u00FA\u00F1ez \u674E\u96F7","attributes":null,"segmentIds":[],"createdAt":"2026-04-01T08:01:00+00:00","lastActiveAt":"2026-04-10T08:00:00+00:00","history":{"orderCount":0,"lifetimeSpend":0,"lastOrderAt":null,"items":[]},"location":null,"version":2}','zoe.obrien@example.org');
        INSERT INTO "customers" VALUES('cus_legacy_noemail',1,'{"id":"cus_legacy_noemail","email":null,"name":"Grace Hopper","attributes":null,"segmentIds":["seg_vip"],"createdAt":"2026-04-01T08:02:00+00:00","lastActiveAt":null,"history":{"orderCount":0,"lifetimeSpend":0,"lastOrderAt":null,"items":[]},"location":null,"version":1}',NULL);
        INSERT INTO "customers" VALUES('cus_legacy_empty',1,'{"id":"cus_legacy_empty","email":"empty.name@example.net","name":"","attributes":null,"segmentIds":[],"createdAt":"2026-04-01T08:03:00+00:00","lastActiveAt":null,"history":{"orderCount":0,"lifetimeSpend":0,"lastOrderAt":null,"items":[]},"location":null,"version":1}','empty.name@example.net');
        INSERT INTO "customers" VALUES('cus_legacy_anon',1,'{"id":"cus_legacy_anon","email":null,"name":null,"attributes":null,"segmentIds":[],"createdAt":"2026-04-01T08:04:00+00:00","lastActiveAt":null,"history":{"orderCount":0,"lifetimeSpend":0,"lastOrderAt":null,"items":[]},"location":null,"version":1}',NULL);
        INSERT INTO "customer_segments" VALUES('seg_newsletter','cus_legacy_ada');
        INSERT INTO "customer_segments" VALUES('seg_vip','cus_legacy_ada');
        INSERT INTO "customer_segments" VALUES('seg_vip','cus_legacy_noemail');
        INSERT INTO "customers" VALUES('cus_legacy_gone',1,'{"id":"cus_legacy_gone","email":"Forgotten.Person@example.com","name":"Forgotten Person","attributes":null,"segmentIds":[],"createdAt":"2026-04-01T08:05:00+00:00","lastActiveAt":null,"history":{"orderCount":0,"lifetimeSpend":0,"lastOrderAt":null,"items":[]},"location":null,"version":1}','forgotten.person@example.com');
        DELETE FROM "customers" WHERE id = 'cus_legacy_gone';
        """;
}
