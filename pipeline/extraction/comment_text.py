"""Words and patterns that tell a comment from the interface around it, in the corpus's languages.

Data, not logic: ``comment_fields`` and ``comments`` read these. Each pattern names what it
recognises; all are matched on whitespace-collapsed text.
"""

from __future__ import annotations

import re

# The verb between a commenter's name and their words: "Inga sagt:", "Ana dijo:", "Paul a écrit :".
SAYS_WORDS = (r"says|said|a dit|ha dicho|ha escrito|ha comentado|wrote|writes|has written|replied|sagt|sagte|schrieb|"
              r"schreibt|hat geschrieben|hat gesagt|meint|antwortete|dijo|escribió|ha detto|zei|сказал|сказала|"
              r"escribe|comentó|a écrit|écrit|dit|пишет|написал|написала|napisał|napisała|pisze|scrive|"
              r"ha scritto|dice|zegt|schreef|skriver|skrev|disse|escreveu|kirjoitti|yazdı|commented|kommentierte|"
              r"a commenté|a répondu|respondió|commentò|ha risposto|skomentował|skomentowała|odpowiedział|"
              r"odpowiedziała|ответил|ответила|comentou|respondeu")
SAYS_LINE = re.compile(rf"^(?P<author>.{{1,80}}?)\s+(?:{SAYS_WORDS})\s*[:,]?\s*(?P<rest>.*)$", re.I)
# "Comment by X", "Kommentar von X", "Antwort von X", "Von X", "By X", "Posted by X"
BY_LINE = re.compile(r"^(?:#?\d+\.?\s+)?(?:(?:comment|kommentar|antwort|reply|posted|submitted|written|geschrieben|verfasst|"
                     r"eingereicht|escrito|publicado|enviado|soumis|publié|écrit|commentaire|réponse|komentarz|dodany|"
                     r"napisany|opublikowany|comentario|respuesta|comentário|resposta|commento|risposta|odpowiedź|"
                     r"inviato|scritto|комментарий|ответ)\s+)?(?:by|von|de|por|par|od|przez|da|от)\s*:?\s+(?P<author>.{1,80})$",
                     re.I)

# A button or link at the edge of a comment body: reply, like, report, quote, permalink.
BUTTON_LINE = re.compile(
    r"^(?:\W*(?:reply|回覆|回复|返信|답글|antworten|antwort|responder|responde|répondre|repondre|rispondi|ответить|odpowiedz|"
    r"beantworten|reageer|svara|like|liked|unlike|gefällt mir|j'aime|me gusta|mi piace|нравится|lubię to|"
    r"report|melden|signaler|denunciar|segnala|пожаловаться|zgłoś|quote|zitieren|citer|citar|cita|"
    r"curtir|beantwoorden|rapporteren|citeer|vind ik leuk|\d+ (?:personen|people|persone|personnes) "
    r"(?:gefällt das|like this|piace|aiment ça)|"
    r"permalink|link|edit|bearbeiten|modifier|editar|share|teilen|partager|compartir|"
    r"dislike|upvote|downvote|flag|recommend|empfehlen|zitat|kommentieren|cytuj|цитировать|поделиться|"
    r"cancel reply|abbrechen|\(?edited\)?|\(?bearbeitet\)?|translate|übersetzen|show original|original anzeigen|"
    r"show more|see more|read more|mehr anzeigen|weiterlesen|ver más|voir plus|leer más|"
    r"log in to reply|login to reply|zum antworten anmelden|reply ↓|antworten ↓|"
    r"haut de page|back to top|(?:(?:go|scroll|jump) to )?top of (?:the )?(?:comments|page|thread|discussion)|nach oben|zum seitenanfang|volver arriba|do góry|наверх|"
    r"aufklappen|einklappen|ausklappen|expand|collapse|original|show all|alle anzeigen|rozwiń|zwiń|развернуть|"
    r"loading\.*|wird geladen\.*|cargando\.*|chargement\.*|"
    r"liked by \d+ (?:people|person)|liked by [^\W\d][\w.-]*(?: [^\W\d][\w.-]*){0,3}|(?:expand|show|read|view) (?:the )?full comment|"
    r"(?:flag|report|mark) as (?:inappropriate|spam|offensive)|\d+ likes?|\d+ people like this|level \d+|"
    r"\d+ (?:empfehlungen|empfehlung|recommendations?|zustimmungen|votes?|stimmen|polubie[nń]|лайк\w*)|"
    # WordPress.com's like rows and the report, reply and link buttons in the corpus languages
    r"gefällt \d+ (?:person|personen)|le gusta a \d+ personas?|a \d+ personas? les? gusta|aimé par \d+ personnes?|"
    r"piace a \d+ persone?|curtido por \d+ pessoas?|polubione przez \d+ os\w+|"
    r"(?:kommentar|beitrag|missbrauch|comment|abuse|post)\s+(?:melden|report(?:ieren)?)|report (?:abuse|comment|this comment)|"
    r"signaler (?:un abus|ce commentaire)|denunciar (?:abuso|comentario)|zgłoś (?:nadużycie|komentarz)|"
    r"(?:log ?in|sign ?in|anmelden|einloggen|connectez-vous|inicia sesión|accedi|zaloguj się),? "
    r"(?:to|um(?: zu)?|pour|para|per|aby) (?:reply|like|react|antworten|zu antworten|répondre|responder|rispondere|odpowiedzieć)"
    r"(?: to)?(?: this comment)?|"
    r"(?:reply to|auf) (?:this|diesen|diese) (?:comment|kommentar|message|nachricht)(?: antworten)?|"
    r"répondre à ce (?:commentaire|message)|responder a este (?:comentario|mensaje)|odpowiedz na ten komentarz|direktlink|link (?:zum|to this|to) (?:kommentar|comment)|link to this|"
    r"(?:nicht |not )?(?:hilfreich|helpful)(?:\s*\(\d+\))?|"
    r"[+-]?\d+ (?:points?|punkte?)(?:\s*·)*(?:\s*edited .{1,30})?|"
    r"(?:reply|antworten|responder|répondre)\s*(?:\(\d+\))?|"
    r"(?:show|view|hide|load more|zeige|pokaż|ukryj|voir les|ver|mostrar|показать)\s*(?:\d+\s*)?"
    r"(?:replies|antworten|odpowiedzi|réponses|respuestas|ответы|ответов)\s*(?:\(\d+\))?|[+-]?\d+|[↑↓▲▼]+|#\d+(?:\.\d+)*)\W*\s*)+$",
    re.I,
)

# Interface text that is never a reader's comment, whatever element holds it. Matched on the whole
# (collapsed) text of a short record.
PROMPT = re.compile(
    r"\b(?:leave|post|add|write|submit|join|start|be the first)\b.{0,20}\b(?:comment|reply|response|"
    r"conversation|discussion)s?\b|"
    r"\bkommentar\w*\s+(?:schreiben|hinterlassen|verfassen|hinzufügen|posten|abgeben|abschicken|absenden)|"
    r"\b(?:hinterlasse|schreibe|schreib|schreiben sie|kommentieren sie|diskutieren sie|verfassen sie)\b|"
    r"\b(?:erstellen sie|schreib)\b.{0,20}\bersten kommentar|"
    r"\bsei (?:der|die) erste|\bsoyez (?:le|la) premi(?:er|ère)|\bs[ée] (?:el|la) primer[oa]|\bbądź pierwsz|"
    r"\b(?:comment|kommentieren|commenter|comentar)\s+(?:via|with|using|mit|avec|con)\s+"
    r"(?:facebook|twitter|google|disqus)\b|^(?:komentuj|kommentieren|commenter|comentar|comment|комментировать)"
    r"\s*\(?\d*\)?\W*$|"
    r"\bбудьте первым|\bdej[aá] (?:tu|un) comentario|\bescribe un comentario|\bcomenta\b|"
    r"\b(?:publier|laisser|ajouter|écrire) un commentaire|\blaissez un commentaire|"
    r"\b(?:dołącz do dyskusji|weź udział w dyskusji|napisz komentarz|dodaj komentarz|skomentuj)|"
    r"\b(?:partecipa alla discussione|participez à la discussion|participa en la discusión|participe da discussão|"
    r"beteilige dich an der diskussion|diskutieren sie mit|примите участие в обсуждении)|"
    r"\b(?:оставить|оставьте|написать|добавить) комментари|"
    r"إضافة تعليق|أضف تعليق|"
    r"^(?:vielen dank|danke) für (?:ihren|deinen|den) kommentar\W*$|^thank(?:s| you) for (?:your|the) comment\W*$|"
    r"\bihre meinung(?: ist)?(?: gefragt)?\W*$|\b(?:lade|loading|wird geladen|cargando|chargement)\b.{0,30}(?:\.\.\.|…)\W*$|\bshare your thoughts\b|\bleave new\W*$|"
    r"\balle kommentare\b.{0,40}\banzeigen|\bneueste[rn]? kommentar|\bletzte kommentare|"
    r"^\W*(?:what do you think|was (?:meinen sie|denken sie|meinst du|denkst du)|qu'en pensez-vous|"
    r"qué (?:opinas|opina usted|piensas)|co o tym (?:sądzisz|myślisz)|что вы (?:думаете|скажете))\W*$|"
    r"\b(?:write|schreiben sie|verfassen sie) (?:a|eine) (?:review|bewertung|rezension)|\bbewertung (?:schreiben|abgeben)|"
    r"\b(?:rédiger|écrire|donner) un avis|\bescribir una opini[oó]n|\bnapisz (?:opinię|recenzję)|"
    r"\b(?:display|show|view|load|see) all (?:\d+ )?comments\b|\bcomments (?:are|were) not loaded\b|\bloading comments|\bkommentare (?:werden )?geladen|\bshow comments|\bkommentare (?:anzeigen|einblenden)",
    re.I,
)
COUNT_OR_NONE = re.compile(
    r"^(?:\(?\d+\)?\s*)?(?:reader\s+|user\s+|leser-?)?(?:comments?|kommentare?|komentarz[ey]?|komentarzy|"
    r"comentarios?|comentários|commentaires?|commenti|reacties|reaktionen|antworten|replies|responses|"
    r"комментари\w*|lesermeinung(?:en)?|leserkommentare|diskussion|discussion|discusión|"
    r"bisherige kommentare|neueste kommentare|latest comments|recent comments|user comments|"
    r"top kommentierte beiträge)\s*[:(\[]?\s*\d*\s*[)\]]?\s*:?$|"
    r"^(?:no|keine|kein|aucun|sin|nessun|brak|нет|geen|0)\s+(?:\w+\s+)?(?:comments?|kommentare?|commentaires?|"
    r"comentarios?|commenti|komentarzy|комментариев|reacties|antworten|replies)"
    r"(?:\s+(?:yet|so far|bisher|vorhanden|encore)|\s+(?:for|zu|on|to|sur|a|en)\s+[„“\"«‘'].*)?\W*$|"
    r"\b(?:noch keine|bisher (?:noch )?keine|there are no|no comments? (?:yet|so far|are found|found))\b.{0,30}"
    r"(?:kommentare?|comments?)|\bno comment (?:are|is) found|"
    # no comments yet, or none allowed any more
    r"\bnoch nicht kommentiert|\bnicht mehr kommentier|\bkommentarfunktion\b.{0,40}\b(?:deaktiviert|geschlossen|"
    r"abgeschaltet|ausgeschaltet|nicht verfügbar)|\bcomment(?:s|ing)\b.{0,30}\b(?:disabled|closed|turned off|"
    r"switched off|not available)|\bcommentaires?\b.{0,20}\b(?:fermés?|désactivés?)|\baucun commentaire\b|"
    r"\bcomentarios?\b.{0,20}\b(?:cerrados?|desactivados?)|\b(?:todavía|aún) no hay comentarios|"
    r"\bkomentarze\b.{0,20}\b(?:wyłączone|zamknięte)|\bnie ma (?:jeszcze )?komentarzy|"
    r"\bкомментари\w*\b.{0,20}\b(?:отключены|закрыты)|\bкомментариев (?:пока )?нет|\bпока нет комментариев|"
    r"^(?:nessun commento|sem comentários|nenhum comentário)\W*$|"
    # a shop's or a recipe's review box with nothing in it
    r"^(?:\(?\d+\)?\s*)?(?:bewertungen|rezensionen|reviews|avis|opiniones|opinie|recenzje|отзывы)\s*[:(\[]?\s*\d*\s*[)\]]?\s*:?$|"
    r"\b(?:noch keine|bisher (?:noch )?keine|there are no|no|aucun|sin|brak|нет)\s+(?:\w+\s+)?(?:bewertungen|rezensionen|"
    r"reviews|avis|opiniones|opinii|recenzji|отзывов)\b|"
    r"\b(?:be the first to review|sei der erste,? der|schreiben sie die erste bewertung|soyez le premier à donner)",
    re.I,
)
# What is left where a comment was taken down: the placeholder, not a reader's words.
DELETED = re.compile(
    r"^\W*(?:(?:this |dieser |ce |este |ten )?(?:comment|kommentar|commentaire|comentario|komentarz|комментарий)\s+"
    r"(?:has been |was |is |wurde |a été |ha sido |fue |został |был )?(?:(?:vom|von der|by the|by|par|por|przez)\s+\w+\s+)?"
    r"(?:deleted|removed|gelöscht|entfernt|supprimé|eliminado|borrado|usunięty|удалён|удален)"
    r"(?:\s+(?:by|vom|von der|par|por|przez)\s+(?:(?:the|el|la|le|den|dem)\s+)?\w+)?|\[(?:deleted|removed|gelöscht)\]|"
    # a private comment, shown to its addressee only
    r"悄悄話|悄悄话|(?:this is a |this )?private comment|privater kommentar|commentaire privé|comentario privado)\W*$", re.I)
LOGIN_OR_RULES = re.compile(
    r"\b(?:log|sign)\s?(?:in|up)\b.{0,40}\b(?:comment|reply|post)|\b(?:must|need to) be (?:logged|signed) in|"
    r"\b(?:must|need to|have to) (?:first )?(?:sign|log) ?in\b|\bin order to (?:post|leave|write|add) a comment|"
    r"\bzum kommentieren\b.{0,40}\b(?:anmelden|einloggen|registrieren)|\bum (?:zu )?kommentieren\b|"
    r"\bpara comentar\b|\bexclusiv[oa]s? para suscriptor|\bpour commenter|\bчтобы оставить комментарий|"
    r"\bcomments? (?:are|is|will be) (?:moderated|reviewed|closed)|^(?:comments?|kommentare|diskussion|discussion|"
    r"commentaires|comentarios|komentarze|комментарии)\s+(?:closed|geschlossen|fermée?s?|cerrados|zamknięte|закрыты)\W*$|"
    r"^\d(?:[.,]\d)?\s*(?:/|von|of|sur|de|z|из)\s*\d\s*(?:sternen?|stars?|étoiles?|estrellas?|gwiazd\w*|звёзд\w*)?\W*$|\bkommentare (?:werden|sind)\b.{0,30}"
    r"(?:moderiert|freigeschaltet|geschlossen)|\bmoderiert\b|\bn[eé]tiquette\b|\bcommunity[- ]?(?:richtlinien|"
    r"guidelines|standards|regeln)|\bterms of (?:use|service)\b|\bnutzungsbedingungen\b|"
    r"\bkeep (?:comments|it) civil\b|\bcomments? (?:can|may) (?:only )?be (?:posted|made|left) by\b|"
    r"\bdo not subscribe to\b|\bschaltet kommentare\b|\bwe (?:welcome|invite) (?:reader )?comments|"
    r"\bwe invite you to use our commenting|\bexpress(?:am)? (?:a )?(?:the )?opini(?:on|ão) (?:of|dos)|"
    r"\bcomentarios (?:aquí |en esta sección )?(?:son|postados)|\bdisclaimer\b|"
    r"\b(?:comments?|commentaires?|comentarios?|kommentare?)\b.{0,30}\b(?:moderated|modérés|moderados)\b|"
    r"\bdo(?:es)? not endorse\b|\byou provide your explicit consent|\bwithdraw (?:your|the) consent|"
    r"\bby clicking (?:the|on)\b.{0,30}\bbutton|\bconsentement explicite|\bconsentimiento expreso|"
    r"\bsie (?:ihre|die) einwilligung\b|\bсогласие на обработку|\bne cautionnen?t? pas\b|\bno (?:se hace responsable|avala|respalda)\b.{0,30}\bopini|"
    r"\bby (?:submitting|posting) (?:a|your) comment|\ben (?:soumettant|publiant) (?:un|votre) commentaire|"
    r"\bal (?:enviar|publicar) (?:un|su|tu) comentario|\bmit dem absenden (?:deines|ihres|des) kommentars|"
    r"\bakismet\b|\b(?:verbleibende|übrige) zeichen|\bcharacters? (?:left|remaining)|\bcaract[eè]res? restants?|"
    r"\bcaracteres restantes|\bpozostało znaków|\bосталось символов|"
    r"\bas a (?:member|user),? you agree\b|\bcreate (?:a|an|your) [\w ]{0,30}(?:profile|account) to\b|"
    r"\bmelden sie sich an\b|\bum mitzudiskutieren|\bzum mitdiskutieren|\bzaloguj się\b|\bangemeldet sein\b|\b(?:musst|müssen)\b.{0,12}\banmelden\b|"
    r"\bnewsletter\b.{0,30}\b(?:abonnieren|subscribe|anmelden|inscri|suscrib)|\bsubscribe to (?:our|the) newsletter|"
    r"\b(?:wir verwenden|we use|nous utilisons|utilizamos|używamy|мы используем)\b.{0,20}\b(?:cookies|файлы cookie)|"
    r"\bdein kommentar wurde nicht gespeichert|\bihr kommentar wurde\b|\byour comment (?:is|was) awaiting|"
    r"\bdein kommentar muss noch|\bdie angabe (?:ihres|des) namens|\bpflichtfelder|required fields|"
    r"\be-?mail[- ]?(?:adresse|address)? (?:will not|wird nicht) (?:be )?(?:published|veröffentlicht)|"
    r"\bjoin the (?:conversation|discussion)|\b(?:wartet|awaiting) (?:auf )?moderation|"
    r"\bangemeldete (?:benutzer|nutzer|leser)|\b(?:nur|only) (?:registrierte|registered|logged)|"
    r"^(?:please|bitte|wir bitten|we ask|if readers|por favor|merci de)\b.{0,250}\b(?:comments?|kommentar\w*|"
    r"comentarios?|commentaires?)\b|\brespektvoll\b|\bhass-?kommentare|\bámbito virtual|\bejercicio responsable|"
    r"\bder kommentar ist länger als|\bschreibsperre\b|\bals spam (?:identifiziert|erkannt)|"
    r"^\d+\s+(?:kommentare?|comments?|responses?|replies|antworten|commentaires?|comentarios?)\s+(?:zu|on|to|for|"
    r"sur|a|en|für|auf)\b",
    re.I,
)
# The editors speaking to all readers: a notice over the thread, not a comment in it. ("Thanks for your
# comments" is how a blog's author answers in the thread, so it is no sign.)
TO_READERS = re.compile(
    r"^(?:liebe|sehr geehrte)\s+(?:leser\w*|nutzer\w*|user\w*|community)|^dear\s+(?:readers?|users?|commenters?)|"
    r"^ch(?:er|ère)s?\s+(?:lecteurs?|lectrices?|internautes)|^quer\w+\s+lectores|^drodzy\s+czytelnicy|"
    r"^уважаемые\s+читатели", re.I)
# "Ihre Kommentare …" opening a notice: the editors' words only when the site's rules follow.
YOUR_COMMENTS = re.compile(r"\b(?:ihre|deine|eure|your|vos|tus|sus|wasze|ваши)\s+(?:kommentare|zuschriften|beiträge|"
                           r"comments|commentaires|comentarios|komentarze|комментарии)\b", re.I)
FORM_LABEL = re.compile(
    r"^(?:name|e-?mail(?:-adresse| address)?|website|webseite|url|ihre nachricht|nachricht|message|kommentar|"
    r"comment|senden|absenden|abschicken|abbrechen|submit|send|cancel|post|posten|speichern|"
    r"facebook|twitter|google ?\+|whatsapp|linkedin|pinterest|xing|reddit|telegram|e-?mail|print|drucken|"
    r"share|teilen|tweet|mail|uhr|am|pm|password|passwort|kennwort|mot de passe|contraseña|hasło|пароль|"
    r"(?:confirm|confirmer le|repeat|wiederholen|confirmar)\s+(?:password|passwort|mot de passe|contraseña)|"
    r"username|benutzername|nom d'utilisateur|nombre de usuario|"
    r"(?:oldest|newest|latest|most liked|most popular|best|top) first|oldest|newest|most liked|most popular|"
    r"(?:neueste|älteste|beliebteste)(?: zuerst)?|les plus (?:récents|anciens|populaires)|"
    r"más (?:recientes|antiguos|populares)|najnowsze|najstarsze|popularne|сначала (?:новые|старые)|"
    # sort tabs by rating or replies, a preview button, the text box's label
    r"(?:best|top|highest|most) rated|most replied|mejor(?:es)? valorad[oa]s?|más valorad[oa]s|más comentad[oa]s|"
    r"mieux not[ée]s|les plus comment[ée]s|(?:am )?besten bewertet|meist(?:kommentiert|diskutiert)|najlepiej oceniane|"
    r"(?:preview|vorschau|vista previa|aperçu|podgląd)(?: (?:comment|kommentar|comentario|commentaire|komentarz))?|"
    r"(?:your|ihre?|dein|tu|votre|twój) (?:comments?|kommentar|comentario|commentaire|komentarz))\s*\*?:?$",
    re.I,
)

# Pingbacks, trackbacks and reblog notices: a site linking here, not a reader writing.
PINGBACK_MARK = re.compile(r"pingback|trackback|pinglist", re.I)
PINGBACK_TEXT = re.compile(r"^(?:pingback|trackback|reblogged this on|this post was mentioned on|"
                           r"hat dies auf .{1,80} rebloggt|a reblogué ceci sur|reblogueó esto en|ha rebloggato questo su|"
                           r"reblogou isso em|"
                           r"\[…\]|\[\.\.\.\]|\[&#8230;\])|^(?:pingback|trackback) (?:von|from|by|de)\b", re.I)

# The age a thread prints in short: "3mo", "2h", "5d", "1y", "12 min".
COMPACT_AGE = r"^\d{1,3}\s?(?:s|sec|m|min|h|hr|d|w|wk|mo|y|yr)s?\.?$"
# A line that may be a date or time ("5. April 2014 um 18:42", "#1 — vor 8 Stunden", "on 04 Feb").
DATE_HINT = re.compile(
    COMPACT_AGE + r"|\d{1,4}[./-]\d{1,2}[./-]\d{2,4}|\d{1,2}:\d{2}|\b\d{4}\b|"
    r"\b(?:ago|vor|hace|il y a|назад|temu|fa|geleden|sedan|gestern|heute|yesterday|today|hier|"
    r"aujourd'hui|ayer|hoy|вчера|сегодня|wczoraj|dzisiaj|atrás|há|önce)\b|\d\s+[^\W\d]+\s+her$|"
    r"\b\d{1,2}\.?\s+[^\W\d]{3,}\.?|\b[^\W\d]{3,}\.?\s+\d{1,2}\b",
    re.I,
)
DATE_NOISE = re.compile(r"^(?:#\d+(?:\.\d+)*\s*[—–•-]\s*|on\s+|am\s+|vom\s+|le\s+|el\s+|posted\s+|[於于]\s*|"
                        r"veröffentlicht\s+|"
                        # a shop review's dateline: "Reviewed in Germany on 1 January 2026", "Rezension aus Deutschland vom 3. Mai 2024"
                        r"(?:reviewed|rated|rezension|bewertet|bewertung|évalué|commenté|revisado|opinión|recensito)\b.{0,40}?\s(?:on|vom|am|le|el|il)\s+)|\s*(?://|@|\||·|•|—|–)\s*|\s+(?:um|at|à|a las|o)\s+|\s+uhr$|\s+hs?\.?$",
                        re.I)
# Relative dates ("vor 8 Stunden", "2 days ago") say when only against the time of the fetch.
RELATIVE_DATE = re.compile(COMPACT_AGE + r"|\d\s+[^\W\d]+\s+her$|\b(?:ago|vor|hace|il y a|назад|temu|fa|geleden|sedan|gestern|heute|yesterday|today|atrás|há|önce|"
                           r"hier|aujourd'hui|ayer|hoy|вчера|сегодня|wczoraj|dzisiaj|just now|gerade eben)\b", re.I)
# A dotted numeric date is day first everywhere it is written so ("11.09.2011").
DOTTED_DATE = re.compile(r"\b\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}\b")
# A greeting opening a comment's words ("Hallo", "Hi Karin", "Liebe Claudia"): never the commenter's name.
GREETING = re.compile(r"^(?:hallo|hello|hi|hey|huhu|moin|servus|hola|bonjour|salut|ciao|cześć|witam|привет|"
                      r"liebe[rs]?|dear|chère?|querid[oa]|drog[ia]|guten (?:tag|morgen|abend)|good (?:morning|evening))"
                      r"(?:\s|$)", re.I)
# A line of the comment system's own above the words: the comment's number ("Kommentar #3", "Comment
# No. 12") or a badge ("Verified Purchase", "Top comment", "Moderator").
LEAD_MARK_LINE = re.compile(
    r"^\W*(?:(?:comment|kommentar|beitrag|antwort|reply|commentaire|réponse|comentario|respuesta|komentarz|"
    r"odpowiedź|комментарий)\s*(?:#|nr\.?|no\.?|n°|№)\s*\d+|"
    r"verified (?:buyer|purchase|owner|reviewer)|verifizierte[rs]? (?:kauf|käufer(?:in)?)|achat vérifié|"
    r"compra verificada|zweryfikowany zakup|top[- ]?(?:kommentar|comment)|featured comment|editor'?s pick|"
    r"redaktionsempfehlung|post author|beitragsautor(?:in)?|autor(?:in)? des beitrags|moderator(?:in)?|"
    r"administrator|"
    # an author card's counts, as forum software prints them: "Posts: 300", "Beiträge: 1.204"
    r"(?:posts|beiträge|messages|mensajes|messaggi|posty|wpisy|сообщений|сообщения|reputation|karma|punkte|points)"
    r"\s*:\s*\d[\d.,]*)\W*$", re.I)
# A reply's header: its author, then whom it answers ("Jo replied to comment from Mia • 8:18 AM, Aug 18, 2010").
REPLIED_TO = re.compile(r"^(?P<author>[^\s].{0,59}?)\s+(?:replied to|in reply to|responded to|antwortete (?:auf|an)|"
                        r"hat auf .{1,60} geantwortet|a répondu à|respondió a|ha risposto a|odpowiedział[a]? (?:na|do)|"
                        r"ответил[а]? (?:на|для))\s+(?P<rest>.+)$", re.I)
# A line above a reply naming whom it answers, or an avatar's alternative text: neither is the reader's words.
REPLY_TO_LINE = re.compile(r"^(?:in reply to|reply to|replying to|antwort (?:an|auf)|als antwort auf|en réponse à|"
                           r"en respuesta a|em resposta a|in risposta a|в ответ (?:на|для)|w odpowiedzi (?:na|do)|"
                           r"(?:profilbild|benutzerbild|avatar|foto|bild|photo|photo de profil|imagen de perfil|"
                           r"zdjęcie profilowe|аватар) (?:von|of|de|du|di|użytkownika|пользователя)|avatar für)\b.{0,60}$|"
                           r"^.{1,60}'s (?:avatar|profile picture)$", re.I)
# The date a commenter joined, on their author card: never the comment's date.
MEMBER_SINCE = re.compile(r"\b(?:dabei|mitglied|registriert|angemeldet|member|joined|registered|inscrit|membre|"
                          r"miembro|registrado|membro|inscrito|użytkownik|zarejestrowany|lid)\b.{0,12}\b(?:seit|since|"
                          r"depuis|desde|od|sinds|dal)\b|\b(?:joined|beigetreten|на сайте с|с нами с)\b", re.I)
# A word left alone on a line between the name and the date ("malte / am / 23. Oktober 2023").
CONNECTOR_LINE = re.compile(r"^(?:am|on|um|at|le|el|il|op|von|by|de|por|par|—|–|-|\||·|•|@|,)$", re.I)
# A month's name (or its start) in the fallback languages: only then is a date worth reading in all of them.
MONTH_WORD = re.compile(
    r"\b(?:jan|feb|f[ée]v|m[äa]r|apr|avr|abr|ma[iyj]|mag|jun|juin|giu|jul|juil|lug|aug|ao[uû]|ago|sep|set|wrz|"
    r"o[ck]t|out|ott|nov|lis|de[cczs]|d[ée]c|dic|gru|ene|sty|lut|kwi|cze|lip|sie|pa[źz]|mrt|mei|"
    r"янв|фев|мар|апр|ма[йя]|июн|июл|авг|сен|окт|ноя|дек)", re.I)
# What an element named for the author shows when it is no name: a link to the profile, a count of
# the commenter's fans, posts or comments ("349 Fans", "12 Beiträge").
PROFILE_LINK = re.compile(r"^\W*(?:(?:view|see|show)\s+)?(?:(?:full|user|public)\s+)?(?:profile|profil|perfil|profilo|"
                          r"profiel|профиль|homepage|website|webseite|journal)(?:\s+(?:anzeigen|ansehen|ver|voir|bekijken))?\W*$", re.I)
COUNT_BADGE = re.compile(r"^\W*\d[\d.,]*\s*[kKmM]?\s+(?:fans?|followers?|follower|abonnenten|seguidores|abonnés|"
                         r"obserwujących|подписчик\w*|posts?|beiträge|kommentare|comments?|comentarios|commentaires|"
                         r"komentarzy|messages|mensajes|points?|punkte|likes?)\W*$", re.I)
