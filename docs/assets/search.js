// The header search box: Danish queries over the site's Pagefind index (site/pagefind/, built by the adapter).
// Staff type without æ/ø/å and make typos: the index holds folded spellings (searchable.py), and a term that is
// on none of the pages found is corrected to a word of the site one letter away, or shortened. Pagefind's script
// is loaded only when the box is first used.
(() => {
  "use strict"

  const config = JSON.parse(document.getElementById("__config")?.textContent || "{}")
  // Resolved once: with instant navigation this script runs only on the first page loaded.
  const base = new URL((config.base || ".").replace(/\/?$/, "/"), location.href)
  const PAGE_SIZE = 10
  const RERANKED = 10 // the first results whose titles are compared with the query
  const TOPICAL_KIND = "Side" // page_facts.py: a page that is not a party, track, seminar, meeting or material
  const FEW = 3 // a query with fewer results is also searched more loosely
  const FILLERS = new Set(
    "af at blandt de den der det efter eller en er et for fra hos i med mellem om over på samt som til uden under ved"
      .split(" "),
  )
  const NEAREST_PAGES = 12 // pages whose words are compared with a term that finds nothing
  const DEBOUNCE_MS = 60
  const SPELLINGS_MARK = "⁂" // where the indexed page text ends and the extra spellings begin
  const RANKING = { pageLength: 0.0 }
  const FILTERS = [["type", "Type"], ["spor", "Spor"], ["år", "År"]]
  // Pages for contributors (the guide, the review list) are searched only when the reader asks for them.
  const AUDIENCE = ["målgruppe", "læsere"]
  const SUGGESTIONS = 3 // words offered under "Mente du" when a query finds nothing
  let vocabulary = null
  const date = new Intl.DateTimeFormat("da-DK", { day: "numeric", month: "long", year: "numeric" })

  let pagefind = null
  let latest = 0
  let timer = 0
  let shown = []
  let terms = []

  function load() {
    pagefind ??= import(new URL("pagefind/pagefind.js", base).href).then(async module => {
      await module.options({ ranking: RANKING, excerptLength: 0 })
      await module.init()
      return module
    })
    return pagefind
  }

  const fold = word => word.replace(/æ/g, "ae").replace(/ø/g, "oe").replace(/å/g, "aa")
  const foldShort = word => word.replace(/æ/g, "a").replace(/ø/g, "o").replace(/å/g, "a")
  const normalise = text => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim()
  // Equal however æ/ø/å were typed, and with or without spaces (Sikker By, sikkerby).
  const joined = text => text.replace(/ /g, "")
  const sameText = (a, b) => [fold, foldShort].some(f => joined(f(a)) === joined(f(b)))

  async function found(module, text, filters) {
    return (await module.search(text, { filters })).results
  }

  // The words of pages' text and titles, folded, to tell whether a term is really on them.
  async function wordsOf(results, count = RERANKED) {
    const pages = await Promise.all(results.slice(0, count).map(result => result.data()))
    return new Set(pages.flatMap(data => normalise(`${data.meta.title || ""} ${data.content}`).split(" ").map(fold)))
  }

  // A term is on a page when a word there begins like it, all but its last two letters (an inflection:
  // forebyggelsen, kriminalitetstruet). Pagefind answers a misspelt term with pages for a shorter part of it,
  // so its results alone do not show a typo. Terms under five letters (abbreviations) are taken as typed.
  function missing(terms, words) {
    return terms.filter(term => {
      const wanted = fold(term)
      if (term.length < 5) return false
      const shared = Math.max(4, wanted.length - 2)
      for (const word of words) if (word.slice(0, shared) === wanted.slice(0, shared)) return false
      return true
    })
  }

  // A misspelt term: a word of the site one letter away is most likely the word meant; failing that, the term's
  // longest prefix that words of the site begin with.
  async function repaired(module, term, filters) {
    if (!missing([term], await wordsOf(await found(module, term, filters))).length) return term
    const near = await nearest(module, term, filters)
    if (near) return near
    const shortest = Math.max(4, Math.ceil(term.length * 0.6))
    for (let length = term.length - 1; length >= shortest; length--) {
      const prefix = fold(term.slice(0, length))
      const words = await wordsOf(await found(module, prefix, filters))
      for (const word of words) if (word.startsWith(prefix)) return prefix
    }
    return ""
  }

  // The word one letter away is on the pages that the term's first three letters find, early slips included
  // (krimnalitet, naerpolitafdelingen), also when the term carries an ending the word there lacks
  // (rekruteringen → rekruttering). Only words of five letters or more are corrected.
  async function nearest(module, term, filters) {
    if (term.length < 5) return ""
    const words = [...(await wordsOf(await found(module, term.slice(0, 3), filters), NEAREST_PAGES))]
    const wanted = fold(term)
    for (let ending = 0; ending <= 3 && wanted.length - ending >= 5; ending++) {
      const word = words.find(candidate => oneEditApart(candidate, wanted.slice(0, wanted.length - ending)))
      if (word) return word
    }
    return ""
  }

  // One letter left out, added, changed, or two neighbours swapped.
  function oneEditApart(a, b) {
    if (a === b || Math.abs(a.length - b.length) > 1) return false
    let start = 0
    while (a[start] === b[start]) start++
    const rest = (x, skip) => x.slice(start + skip)
    if (a.length === b.length) {
      const swapped = a[start] === b[start + 1] && a[start + 1] === b[start]
      return rest(a, 1) === rest(b, 1) || (swapped && rest(a, 2) === rest(b, 2))
    }
    return a.length > b.length ? rest(a, 1) === rest(b, 0) : rest(a, 0) === rest(b, 1)
  }

  async function search(query, filters) {
    const module = await load()
    const text = normalise(query)
    terms = text ? text.split(" ") : []
    if (!text) return []
    let results = await found(module, text, filters)
    const misspelt = results.length ? missing(terms, await wordsOf(results)) : terms
    if (misspelt.length) {
      const fixed = []
      for (const term of terms) fixed.push(misspelt.includes(term) ? await repaired(module, term, filters) : term)
      terms = fixed.filter(Boolean)
      if (terms.length && terms.join(" ") !== text) results = await found(module, terms.join(" "), filters)
    }
    return results.length < FEW ? [...results, ...(await looser(module, results, filters))] : results
  }

  // A phrase that finds little ("kriminalitet blandt unge") is searched again without its small joining words,
  // then for pages that hold at least two of its words, most words first; those results follow the phrase's own.
  async function looser(module, results, filters) {
    const kept = terms.filter(term => !FILLERS.has(term))
    const seen = new Set(results.map(result => result.id))
    const more = []
    const add = list => list.filter(result => !seen.has(result.id)).forEach(result => more.push(result))
    if (kept.length && kept.length < terms.length) add(await found(module, kept.join(" "), filters))
    more.forEach(result => seen.add(result.id))
    if (results.length + more.length < FEW && kept.length > 1) {
      const hits = new Map()
      for (const term of kept) {
        for (const result of await found(module, term, filters)) {
          const hit = hits.get(result.id) || { result, words: 0, score: 0 }
          hits.set(result.id, { ...hit, words: hit.words + 1, score: hit.score + result.score })
        }
      }
      const shared = [...hits.values()].filter(hit => hit.words > 1)
      add(shared.sort((a, b) => b.words - a.words || b.score - a.score).map(hit => hit.result))
    }
    return more
  }

  // A page whose title is the query (a party's name or abbreviation, a track's name) comes first; then pages whose
  // title begins with it; then a topical page whose title has it as a word or as the end of a compound ("Om
  // samarbejdsaftalen" for aftalen; not a seminar's or a material's title, which name one item).
  function titleClass(data, query) {
    const title = data.meta.title || ""
    const plain = normalise(title).replace(/^\d+ /, "")
    const abbreviation = normalise((title.match(/\(([^)]+)\)\s*$/) || ["", ""])[1])
    const name = normalise(title.replace(/\([^)]*\)\s*$/, "")).replace(/^\d+ /, "")
    if (sameText(plain, query) || sameText(name, query) || (abbreviation && sameText(abbreviation, query))) return 3
    if (fold(plain).startsWith(fold(query) + " ") || foldShort(plain).startsWith(foldShort(query) + " ")) return 2
    const named = word => [fold, foldShort].some(f => f(word).endsWith(f(query)))
    const topical = data.meta.kind === TOPICAL_KIND && query.length >= 5 && !query.includes(" ")
    if (topical && plain.split(" ").some(named)) return 1
    return 0
  }

  async function ranked(results, query) {
    const head = await Promise.all(results.slice(0, RERANKED).map(result => result.data()))
    const wanted = normalise(query)
    const order = head.map((data, index) => ({ data, index, rank: titleClass(data, wanted) }))
    order.sort((a, b) => b.rank - a.rank || a.index - b.index)
    return [...order.map(item => Promise.resolve(item.data)), ...results.slice(RERANKED).map(r => () => r.data())]
  }

  // Matches the query's terms however æ/ø/å were typed, and a word's inflections (the term is a prefix).
  function matches(word) {
    const clean = normalise(word)
    if (!clean) return false
    return terms.some(term => {
      const stem = term.slice(0, Math.max(3, term.length - 2))
      return [fold, foldShort].some(f => f(clean).startsWith(f(stem)))
    })
  }

  // A snippet of the page's own text around the first match, never the extra spellings behind the mark.
  function snippet(data) {
    const words = data.content.split(SPELLINGS_MARK)[0].split(/\s+/).filter(Boolean)
    let first = words.findIndex(matches)
    if (first < 0) first = 0
    const start = Math.max(0, first - 8)
    const paragraph = document.createElement("p")
    if (start > 0) paragraph.append("… ")
    words.slice(start, start + 28).forEach((word, index) => {
      if (index) paragraph.append(" ")
      if (matches(word)) {
        const mark = document.createElement("mark")
        mark.textContent = word
        paragraph.append(mark)
      } else {
        paragraph.append(word)
      }
    })
    if (start + 28 < words.length) paragraph.append(" …")
    return paragraph
  }

  function item(data) {
    const li = document.createElement("li")
    li.className = "md-search-result__item"
    const link = document.createElement("a")
    link.className = "md-search-result__link"
    link.href = new URL(data.url.replace(/^\//, ""), base).href
    const article = document.createElement("article")
    article.className = "md-search-result__article md-typeset vp-search__hit"
    const title = document.createElement("div")
    title.className = "vp-search__title"
    title.textContent = data.meta.title || data.url
    const facts = document.createElement("div")
    facts.className = "vp-search__facts"
    const kind = document.createElement("span")
    kind.className = "vp-search__kind"
    kind.textContent = data.meta.kind || "Side"
    facts.append(kind)
    if (data.meta.date) facts.append(` · ${date.format(new Date(data.meta.date + "T12:00:00"))}`)
    if (data.meta.eksempel) {
      const badge = document.createElement("span")
      badge.className = "vp-badge vp-badge--example"
      badge.textContent = "Eksempel"
      facts.append(" ", badge)
    }
    article.append(title, facts, snippet(data))
    link.append(article)
    li.append(link)
    return li
  }

  const element = id => document.getElementById(id)

  function filters() {
    const chosen = element("vp-search-contributors")?.checked ? {} : { [AUDIENCE[0]]: AUDIENCE[1] }
    for (const [key] of FILTERS) {
      const value = element(`vp-search-filter-${key}`)?.value
      if (value) chosen[key] = value
    }
    return chosen
  }

  async function fillFilters() {
    const module = await load().catch(() => null)
    if (!module) return
    const available = await module.filters()
    for (const [key] of FILTERS) {
      const select = element(`vp-search-filter-${key}`)
      if (!select || select.options.length > 1) continue
      const values = Object.keys(available[key] || {}).sort((a, b) => (key === "år" ? b.localeCompare(a) : a.localeCompare(b, "da")))
      for (const value of values) select.add(new Option(value, value))
    }
    element("vp-search-filters")?.removeAttribute("hidden")
  }

  async function showMore(list) {
    const next = shown.splice(0, PAGE_SIZE)
    const data = await Promise.all(next.map(entry => (typeof entry === "function" ? entry() : entry)))
    for (const entry of data) list.append(item(entry))
    element("vp-search-more").hidden = !shown.length
  }

  async function run() {
    const input = element("vp-search-input")
    const status = element("vp-search-status")
    const list = element("vp-search-results")
    if (!input || !status || !list) return
    const query = input.value
    const mine = ++latest
    if (!normalise(query)) {
      list.replaceChildren()
      status.textContent = "Skriv et eller flere ord"
      element("vp-search-more").hidden = true
      return
    }
    status.textContent = "Søger …"
    let results
    try {
      results = await search(query, filters())
    } catch (error) {
      status.textContent = "Søgningen kunne ikke indlæses. Prøv at genindlæse siden."
      console.warn("Vidensportalen: søgeindekset kunne ikke indlæses", error)
      return
    }
    if (mine !== latest) return
    const ordered = await ranked(results, terms.join(" "))  // the terms as searched, typos corrected
    if (mine !== latest) return
    shown = ordered
    list.replaceChildren()
    status.textContent = results.length === 0 ? "Ingen resultater" : results.length === 1 ? "1 resultat" : `${results.length} resultater`
    if (!results.length) await suggest(status, query, mine)
    await showMore(list)
    list.dataset.query = query
  }

  // Restricted (Damerau) edit distance, stopping early once it is over `limit`.
  function distance(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit) return limit + 1
    let before = null
    let row = Array.from({ length: b.length + 1 }, (_, j) => j)
    for (let i = 1; i <= a.length; i++) {
      const next = [i]
      for (let j = 1; j <= b.length; j++) {
        const cost = a[i - 1] === b[j - 1] ? 0 : 1
        next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + cost)
        if (before && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
          next[j] = Math.min(next[j], before[j - 2] + 1)
        }
      }
      if (Math.min(...next) > limit) return limit + 1
      before = row
      row = next
    }
    return row[b.length]
  }

  // "Mente du": the names and words of the index nearest to each term that found nothing (vp-ord.json, written
  // with the index), names first. Each is a button that searches for it.
  async function suggest(status, query, mine) {
    vocabulary ??= fetch(new URL("pagefind/vp-ord.json", base)).then(answer => answer.json()).catch(() => null)
    const known = await vocabulary
    if (!known || mine !== latest) return
    const candidates = [...known.navne.map(name => [name, true]), ...known.ord.map(word => [word, false])]
    const offered = new Map()
    for (const term of normalise(query).split(" ")) {
      const wanted = fold(term)
      const limit = wanted.length <= 4 ? 1 : 2
      const near = candidates
        .map(([word, name]) => [word, name, distance(fold(normalise(word)), wanted, limit)])
        .filter(([word, , apart]) => apart <= limit && fold(normalise(word)) !== wanted)
        .sort((a, b) => a[2] - b[2] || Number(b[1]) - Number(a[1]) || a[0].length - b[0].length)
      for (const [word] of near) if (!offered.has(normalise(word))) offered.set(normalise(word), word)
    }
    if (!offered.size) return
    status.append(" – Mente du: ")
    ;[...offered.values()].slice(0, SUGGESTIONS).forEach((word, index) => {
      if (index) status.append(", ")
      const button = document.createElement("button")
      button.type = "button"
      button.className = "vp-search__suggestion"
      button.textContent = word
      button.addEventListener("click", () => {
        const input = element("vp-search-input")
        input.value = word
        input.focus()
        run()
      })
      status.append(button)
    })
  }

  // As Material does: on a small screen the open search covers the page, which must not scroll sideways.
  const narrow = window.matchMedia("(max-width: 59.984375em)")

  function open() {
    const toggle = element("__search")
    if (toggle && !toggle.checked) toggle.checked = true
    if (narrow.matches) document.body.setAttribute("data-md-scrolllock", "")
    fillFilters().catch(() => {}) // loads the index too; a failure is told when a search is run
  }

  function close() {
    const toggle = element("__search")
    if (toggle) toggle.checked = false
    document.body.removeAttribute("data-md-scrolllock")
    element("vp-search-input")?.blur()
  }

  const typing = target =>
    target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))

  // Listeners on the document keep working when instant navigation swaps parts of the page.
  document.addEventListener("input", event => {
    if (event.target.id !== "vp-search-input") return
    clearTimeout(timer)
    timer = setTimeout(run, DEBOUNCE_MS)
  })
  document.addEventListener("change", event => {
    if (event.target.id?.startsWith("vp-search-filter-") || event.target.id === "vp-search-contributors") run()
    if (event.target.id === "__search" && event.target.checked) {
      open()
      element("vp-search-input")?.focus()
    } else if (event.target.id === "__search") {
      close()
    }
  })
  document.addEventListener("focusin", event => {
    if (event.target.id === "vp-search-input") open()
  })
  document.addEventListener("click", event => {
    if (event.target.closest?.("#vp-search-more")) showMore(element("vp-search-results"))
    else if (event.target.closest?.(".vp-search .md-search-result__link")) close()
  })
  // The box is never sent anywhere: an Enter only searches (no onsubmit=, which the site's policy would block).
  document.addEventListener("submit", event => {
    if (event.target.closest?.(".vp-search")) event.preventDefault()
  })
  document.addEventListener("reset", event => {
    if (event.target.closest?.(".vp-search")) setTimeout(run, 0)
  })
  document.addEventListener("keydown", event => {
    const input = element("vp-search-input")
    if (!input) return
    const inSearch = event.target instanceof Element && event.target.closest(".vp-search")
    if (event.key === "Escape" && inSearch) {
      close()
      return
    }
    if ((event.key === "/" || event.key === "s") && !typing(event.target) && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault()
      open()
      input.focus()
      return
    }
    if (!inSearch || (event.key !== "ArrowDown" && event.key !== "ArrowUp")) return
    const links = [...document.querySelectorAll(".vp-search .md-search-result__link")]
    if (!links.length) return
    event.preventDefault()
    const at = links.indexOf(document.activeElement)
    const next = event.key === "ArrowDown" ? Math.min(at + 1, links.length - 1) : at - 1
    ;(next < 0 ? input : links[next]).focus()
  })
  // Material's instant navigation: close the search when another page is shown.
  if (window.document$) window.document$.subscribe(() => close())
  window.vidensportalSearch = { search, ranked, normalise }
})()
