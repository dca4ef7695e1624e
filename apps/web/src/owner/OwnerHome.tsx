/** The owner's area. Placeholder: the owner views (CSV import, statistics, queues) plug in here. */
export function OwnerHome() {
  return (
    <section class="card" aria-labelledby="owner-title">
      <h1 id="owner-title">Owner</h1>
      <p>Catalogue import and sales statistics will appear here.</p>
    </section>
  );
}
