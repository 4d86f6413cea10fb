<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>Admin</name>
    <message>
        <source>An admin&apos;s badge and PIN</source>
        <translation>管理者のバッジと暗証番号</translation>
    </message>
    <message>
        <source>Scan or type an admin&apos;s badge:</source>
        <extracomment>Gives the admin&apos;s badge and PIN, or None when the admin cancelled.</extracomment>
        <translation>管理者のバッジをスキャンまたは入力：</translation>
    </message>
    <message>
        <source>The admin&apos;s PIN:</source>
        <translation>管理者の暗証番号：</translation>
    </message>
    <message>
        <source>Packer</source>
        <translation>梱包担当者</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>責任者</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>管理者</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>はい</translation>
    </message>
    <message>
        <source>No</source>
        <translation>いいえ</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>stops after {0} refusals</source>
        <translation>{0} 回拒否で停止</translation>
    </message>
    <message>
        <source>unreadable: set them again on the Scanner test page</source>
        <translation>読み取れません。スキャナーテスト画面で設定し直してください</translation>
    </message>
    <message>
        <source>gap {0} ms</source>
        <translation>間隔 {0} ms</translation>
    </message>
    <message>
        <source>at least {0} characters</source>
        <translation>{0} 文字以上</translation>
    </message>
    <message>
        <source>ends with {0}</source>
        <translation>終端 {0}</translation>
    </message>
    <message>
        <source>GS1 separator as {0!r}</source>
        <translation>GS1 区切り {0!r}</translation>
    </message>
    <message>
        <source>defaults</source>
        <translation>標準設定</translation>
    </message>
</context>
<context>
    <name>AdminController</name>
    <message>
        <source>Users</source>
        <translation>ユーザー</translation>
    </message>
    <message>
        <source>Stations</source>
        <translation>ステーション</translation>
    </message>
    <message>
        <source>Printers</source>
        <translation>プリンター</translation>
    </message>
    <message>
        <source>Tracking numbers</source>
        <translation>送り状番号</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <source>Admin</source>
        <extracomment>The page came into view: what other stations changed meanwhile is read again.</extracomment>
        <translation>管理</translation>
    </message>
</context>
<context>
    <name>AdminWork</name>
    <message>
        <source>Cancelled: nothing was changed.</source>
        <extracomment>The listing as read (after opening, after each change); tests wait for it. A change was refused or failed (nothing changed): its words, for the banner. A change was made, or a check came back: its words, for the banner.</extracomment>
        <translation>取り消しました。何も変更していません。</translation>
    </message>
    <message>
        <source>Could not read the list: {0}</source>
        <translation>一覧を読み込めませんでした：{0}</translation>
    </message>
    <message>
        <source>Refused, nothing was changed: {0}</source>
        <translation>受け付けられませんでした。何も変更していません：{0}</translation>
    </message>
</context>
<context>
    <name>Bench</name>
    <message>
        <source>unexpected error</source>
        <extracomment>The sound of each banner colour (information is silent). An error for the window&apos;s message banner (the lease could not be renewed, say). A scan was made and is on its way to the station. A scan&apos;s verdict (or its failure) was shown (tests wait for it). The station&apos;s state was shown without a scan: at start, or after its claim was lost. The station&apos;s hold was renewed with no order open (tests wait for it). The scans on their way to the station, and the station&apos;s other database work. Given to `start`, which starts them; `stop` closes them. The supervisor&apos;s badge whose PIN the PIN entry asks for.</extracomment>
        <translation>予期しないエラー</translation>
    </message>
    <message>
        <source>The scan of {0} could not be saved: {1}</source>
        <translation>{0} のスキャンを保存できませんでした: {1}</translation>
    </message>
    <message>
        <source>Not recorded: scan again</source>
        <translation>記録できませんでした: もう一度スキャンしてください</translation>
    </message>
    <message>
        <source>Could not read the station from the database: {0}</source>
        <translation>データベースからステーションを読み込めませんでした: {0}</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>ログインしていません</translation>
    </message>
    <message>
        <source>No PIN was typed. Scan the badge to try again.</source>
        <translation>暗証番号が入力されませんでした。もう一度バッジをスキャンしてください。</translation>
    </message>
    <message>
        <source>Scanner {0} unplugged: plug it in</source>
        <translation>スキャナー {0} が外れています: 差し込んでください</translation>
    </message>
    <message>
        <source>Scanner ready</source>
        <translation>スキャナー準備完了</translation>
    </message>
    <message>
        <source>{0}: connected</source>
        <translation>{0}: 接続中</translation>
    </message>
    <message>
        <source>{0}: disconnected</source>
        <translation>{0}: 切断</translation>
    </message>
    <message>
        <source>This station is in use by another running Kenpin (a window or a replay): close it, then scan again.</source>
        <translation>このステーションは実行中の別の Kenpin(画面またはリプレイ)が使用しています。それを閉じてから、もう一度スキャンしてください。</translation>
    </message>
    <message>
        <source>Another running Kenpin took this station over: this window no longer acts as it. Close it.</source>
        <translation>実行中の別の Kenpin がこのステーションを引き継ぎました。この画面はもう使えません。閉じてください。</translation>
    </message>
    <message>
        <source>Full-width characters came from the scanner: switch the Japanese input (IME) off. The scan was read correctly.</source>
        <extracomment>A button standing in for a command barcode was pressed. The user asked for the command sheet PDF. A barcode was typed into the F2 field and Enter pressed. The sound switch was flipped: True for sound on.</extracomment>
        <translation>スキャナーから全角文字が入力されました。日本語入力（IME）をオフにしてください。スキャン自体は正しく読み取れています。</translation>
    </message>
    <message>
        <source>Scan your badge</source>
        <translation>バッジをスキャンしてください</translation>
    </message>
    <message>
        <source>Hold your staff badge under the scanner to log in.</source>
        <translation>社員バッジをスキャナーにかざすとログインします。</translation>
    </message>
    <message>
        <source>Station {0}</source>
        <translation>ステーション {0}</translation>
    </message>
    <message>
        <source>No scanner yet: use the buttons, or F2</source>
        <extracomment>Who works on what, over the verdict; the badge prompt or the work below it.</extracomment>
        <translation>スキャナー未接続: ボタンか F2 を使ってください</translation>
    </message>
    <message>
        <source>Command sheet…</source>
        <translation>コマンドシート…</translation>
    </message>
    <message>
        <source>Save the command codes as a PDF to print</source>
        <translation>コマンドのバーコードを印刷用 PDF に保存します</translation>
    </message>
    <message>
        <source>Type (F2)</source>
        <translation>手入力 (F2)</translation>
    </message>
    <message>
        <source>Supervisor: {0}</source>
        <translation>責任者: {0}</translation>
    </message>
    <message>
        <source>Admin: {0}</source>
        <translation>管理者: {0}</translation>
    </message>
    <message>
        <source>Waiting for the database…</source>
        <translation>データベースの応答を待っています…</translation>
    </message>
    <message>
        <source>Keep scanning: your scans are kept in order.</source>
        <translation>そのままスキャンを続けてください。スキャンは順番どおりに記録されます。</translation>
    </message>
    <message>
        <source>Scans waiting: {0}</source>
        <translation>待機中のスキャン: {0} 件</translation>
    </message>
    <message>
        <source>♪ Sound on</source>
        <translation>♪ 音あり</translation>
    </message>
    <message>
        <source>Sound off</source>
        <translation>音なし</translation>
    </message>
</context>
<context>
    <name>Carrier</name>
    <message>
        <source>Yamato</source>
        <translation>ヤマト</translation>
    </message>
    <message>
        <source>Sagawa</source>
        <translation>佐川</translation>
    </message>
    <message>
        <source>Japan Post</source>
        <translation>日本郵便</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>その他</translation>
    </message>
</context>
<context>
    <name>Credentials</name>
    <message>
        <source>That badge is not an active user&apos;s badge.</source>
        <translation>このバッジは有効な利用者のものではありません。</translation>
    </message>
    <message>
        <source>{0} may not do this: it needs an admin.</source>
        <translation>{0} さんにはこの操作はできません（管理者が必要です）。</translation>
    </message>
    <message>
        <source>{0} may not do this: it needs a supervisor or an admin.</source>
        <translation>{0} さんにはこの操作はできません（責任者か管理者が必要です）。</translation>
    </message>
    <message>
        <source>The PIN for {0} is needed.</source>
        <translation>{0} さんの暗証番号が必要です。</translation>
    </message>
    <message>
        <source>This badge is locked after too many wrong PINs until {0} (Japan time).</source>
        <translation>暗証番号の誤りが多すぎるため、このバッジは {0}（日本時間）までロックされています。</translation>
    </message>
    <message>
        <source>Wrong PIN for {0}.</source>
        <translation>{0} さんの暗証番号が違います。</translation>
    </message>
    <message>
        <source>The badge is now locked until {0} (Japan time).</source>
        <translation>このバッジは {0}（日本時間）までロックされました。</translation>
    </message>
</context>
<context>
    <name>CredentialsDialog</name>
    <message>
        <source>Badge and PIN</source>
        <extracomment>A scan from one of the window&apos;s scanners, from whatever thread read it: the badge.</extracomment>
        <translation>バッジと暗証番号</translation>
    </message>
    <message>
        <source>Scan your badge (or type it and press Enter), then type your PIN and press Enter. Esc cancels.</source>
        <translation>バッジをスキャン（または入力して Enter）し、暗証番号を入力して Enter を押してください。Esc で取り消します。</translation>
    </message>
    <message>
        <source>Sign</source>
        <translation>確認</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取り消し</translation>
    </message>
    <message>
        <source>Badge</source>
        <translation>バッジ</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>暗証番号</translation>
    </message>
</context>
<context>
    <name>CurrentLine</name>
    <message>
        <source>{0} more</source>
        <translation>あと {0}</translation>
    </message>
    <message>
        <source>Bin {0} · {1} · {2} of {3} in the box</source>
        <translation>棚 {0} · {1} · {3} 点中 {2} 点 箱入り</translation>
    </message>
    <message>
        <source>Check the print on the unit: lot and expiry</source>
        <translation>商品の印字と照合: ロットと期限</translation>
    </message>
</context>
<context>
    <name>Dock</name>
    <message>
        <source>Ready, {0}</source>
        <translation>準備完了、{0} さん</translation>
    </message>
    <message>
        <source>Scan your badge</source>
        <translation>バッジをスキャンしてください</translation>
    </message>
    <message>
        <source>Scan a parcel&apos;s label to start a truck</source>
        <translation>荷物の送り状をスキャンして積み込みを始めてください</translation>
    </message>
    <message>
        <source>Every {0} parcel is loaded: close the manifest</source>
        <translation>{0} の荷物はすべて積み込みました。出荷明細を締めてください</translation>
    </message>
    <message>
        <source>Scan the next {0} parcel ({1} to go)</source>
        <translation>次の {0} の荷物をスキャン（残り {1} 個）</translation>
    </message>
</context>
<context>
    <name>DockPage</name>
    <message>
        <source>Recent scans</source>
        <extracomment>The loader asked to close a carrier&apos;s manifest (its dialog opens).</extracomment>
        <translation>最近のスキャン</translation>
    </message>
    <message>
        <source>Take the last parcel off</source>
        <translation>最後の荷物を降ろす</translation>
    </message>
    <message>
        <source>Truck done</source>
        <translation>積み込み終了</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>ログアウト</translation>
    </message>
    <message>
        <source>Close manifest…</source>
        <translation>出荷明細を締める…</translation>
    </message>
    <message>
        <source>Loader: {0}</source>
        <translation>積込担当: {0}</translation>
    </message>
    <message>
        <source>{0} / {1} loaded</source>
        <translation>{0} / {1} 個積込済</translation>
    </message>
</context>
<context>
    <name>GiftPanel</name>
    <message>
        <source>Gift: put a message card in the box</source>
        <extracomment>Longer codes (a GS1 string) are shown by their start and end, which tell them apart.</extracomment>
        <translation>ギフト: メッセージカードを入れてください</translation>
    </message>
    <message>
        <source>✔ Card is in the box</source>
        <translation>✔ カードを入れました</translation>
    </message>
    <message>
        <source>Card not confirmed yet: put it in, then scan CARD</source>
        <translation>カード未確認: 入れてから「カード確認」をスキャン</translation>
    </message>
</context>
<context>
    <name>InstructionCard</name>
    <message>
        <source>Bin</source>
        <translation>棚番</translation>
    </message>
    <message>
        <source>Take</source>
        <translation>取る数</translation>
    </message>
    <message>
        <source>{0} ×</source>
        <translation>{0} 点</translation>
    </message>
    <message>
        <source>Take ({0} of {1} taken)</source>
        <translation>取る数（{1} 点中 {0} 点済み）</translation>
    </message>
    <message>
        <source>Lot {0}</source>
        <translation>ロット {0}</translation>
    </message>
    <message>
        <source>{0} · use by {1}</source>
        <translation>{0}・期限 {1}</translation>
    </message>
    <message>
        <source>Slot {0} on the cart</source>
        <translation>カートのスロット {0}</translation>
    </message>
    <message>
        <source>Order {0} · tote {1}</source>
        <translation>注文 {0}・トート {1}</translation>
    </message>
    <message>
        <source>Order {0} · slot {1}</source>
        <translation>注文 {0}・スロット {1}</translation>
    </message>
    <message>
        <source>Order {0}</source>
        <translation>注文 {0}</translation>
    </message>
</context>
<context>
    <name>LinesTable</name>
    <message>
        <source>Product</source>
        <extracomment>(background, text) of a line&apos;s row by progress: to do, in progress, done, too many.</extracomment>
        <translation>商品</translation>
    </message>
    <message>
        <source>Variant</source>
        <translation>バリエーション</translation>
    </message>
    <message>
        <source>Bin</source>
        <translation>棚番</translation>
    </message>
    <message>
        <source>Scanned / ordered</source>
        <translation>スキャン / 注文</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>状況</translation>
    </message>
</context>
<context>
    <name>MailsController</name>
    <message>
        <source>E-mails to look at: {0} · read at {1}</source>
        <extracomment>A message for the window&apos;s banner. The list just read is on the page. A resend went out or was refused (its words on the page): tests wait for it.</extracomment>
        <translation>確認が必要なメール: {0} 件 · {1} 読込</translation>
    </message>
    <message>
        <source>No shipment e-mail needs a supervisor (read at {0}).</source>
        <translation>責任者の確認が必要な発送完了メールはありません（{0} 読込）。</translation>
    </message>
    <message>
        <source>Could not read the e-mails: {0}</source>
        <translation>メールを読み込めませんでした: {0}</translation>
    </message>
    <message>
        <source>Send the e-mail of order {0} again: a supervisor&apos;s badge and PIN.</source>
        <translation>注文 {0} のメールを再送します: 責任者のバッジと PIN。</translation>
    </message>
    <message>
        <source>Not sent: no badge and PIN were given.</source>
        <translation>送信していません: バッジと PIN が入力されませんでした。</translation>
    </message>
    <message>
        <source>Sending the e-mail of order {0}…</source>
        <translation>注文 {0} のメールを送信中…</translation>
    </message>
    <message>
        <source>Sent again: {0}</source>
        <translation>再送しました: {0}</translation>
    </message>
    <message>
        <source>Not sent: {0}</source>
        <translation>送信していません: {0}</translation>
    </message>
</context>
<context>
    <name>MailsPage</name>
    <message>
        <source>Refresh</source>
        <extracomment>The page came into view.</extracomment>
        <translation>再読み込み</translation>
    </message>
    <message>
        <source>Read the list again (F5)</source>
        <translation>一覧を再読み込み (F5)</translation>
    </message>
    <message>
        <source>Resend…</source>
        <translation>再送…</translation>
    </message>
    <message>
        <source>Send the picked e-mail again under its Message-ID (a supervisor&apos;s badge)</source>
        <translation>選んだメールを同じ Message-ID で再送します（責任者のバッジ）</translation>
    </message>
    <message>
        <source>Check: the connection was lost after the e-mail went out, so it may have arrived; look before you resend. Failed: the server refused it. No address: the order has no e-mail address.</source>
        <translation>要確認: メール送出後に接続が切れたため、届いている可能性があります。確認してから再送してください。失敗: サーバーが受け付けませんでした。アドレスなし: 注文にメールアドレスがありません。</translation>
    </message>
    <message>
        <source>Mails</source>
        <translation>メール</translation>
    </message>
    <message>
        <source>check</source>
        <translation>要確認</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>no address</source>
        <translation>アドレスなし</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>注文</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>E-mail address</source>
        <translation>メールアドレス</translation>
    </message>
    <message>
        <source>Tries</source>
        <translation>試行回数</translation>
    </message>
    <message>
        <source>What the server said</source>
        <translation>サーバーの応答</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Kenpin — {0}</source>
        <extracomment>Counts are refreshed this often; other stations change statuses all day. The statuses someone at the bench acts on, named in the status bar.</extracomment>
        <translation>検品 Kenpin — {0}</translation>
    </message>
    <message>
        <source>Orders</source>
        <extracomment>The pick screen must fit a handheld&apos;s 800×600: there every other page scrolls rather than widen the window (and the pick screen with it) past the screen.</extracomment>
        <translation>注文</translation>
    </message>
    <message>
        <source>Pack</source>
        <translation>梱包</translation>
    </message>
    <message>
        <source>Scanner test</source>
        <extracomment>The bench&apos;s screen: the pack screen, or in pick mode the pick screen.</extracomment>
        <translation>スキャナーテスト</translation>
    </message>
    <message>
        <source>Shop settings</source>
        <translation>店舗設定</translation>
    </message>
    <message>
        <source>Mismatches</source>
        <translation>不一致ログ</translation>
    </message>
    <message>
        <source>Change the shop&apos;s users and stations</source>
        <translation>ユーザーとステーションの変更</translation>
    </message>
    <message>
        <source>Database: {0}</source>
        <extracomment>Paper (command sheet, pick list, slips) is written here, never on the GUI thread.</extracomment>
        <translation>データベース: {0}</translation>
    </message>
    <message>
        <source>Counting orders…</source>
        <translation>注文を集計中…</translation>
    </message>
    <message>
        <source>Pick</source>
        <extracomment>Order counts are counted here: a count never holds up the window or a scan.</extracomment>
        <translation>ピッキング</translation>
    </message>
    <message>
        <source>Dock</source>
        <translation>出荷</translation>
    </message>
    <message>
        <source>{0:,} orders</source>
        <translation>注文 {0:,} 件</translation>
    </message>
    <message>
        <source>Order counts unavailable</source>
        <translation>注文件数を取得できません</translation>
    </message>
    <message>
        <source>Could not count the orders: {0}</source>
        <translation>注文件数を集計できませんでした: {0}</translation>
    </message>
    <message>
        <source>Save the command sheet</source>
        <translation>コマンドシートの保存</translation>
    </message>
    <message>
        <source>Save the pick list</source>
        <translation>ピッキングリストの保存</translation>
    </message>
    <message>
        <source>Pick list saved to {0}.</source>
        <translation>ピッキングリストを {0} に保存しました。</translation>
    </message>
    <message>
        <source>Save the packing slip</source>
        <translation>納品書の保存</translation>
    </message>
    <message>
        <source>Packing slip of {0} saved to {1}.</source>
        <translation>{0} の納品書を {1} に保存しました。</translation>
    </message>
    <message>
        <source>Save the message card</source>
        <translation>メッセージカードの保存</translation>
    </message>
    <message>
        <source>Message card of {0} saved to {1}.</source>
        <translation>{0} のメッセージカードを {1} に保存しました。</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF ファイル (*.pdf)</translation>
    </message>
    <message>
        <source>Command sheet saved to {0}: print it and keep it at the bench.</source>
        <translation>コマンドシートを {0} に保存しました。印刷して作業台に置いてください。</translation>
    </message>
</context>
<context>
    <name>ManifestCloser</name>
    <message>
        <source>Close manifest</source>
        <extracomment>Parcels not loaded the question names before &quot;and N more&quot;. Says a sentence on the window&apos;s banner: (text, is_error). Called once a manifest closed (the dock screen reads its station again).</extracomment>
        <translation>出荷明細を締める</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>運送会社</translation>
    </message>
    <message>
        <source>The {0} manifest of {1} is closed already.</source>
        <translation>{1} の {0} の出荷明細は締め済みです。</translation>
    </message>
    <message>
        <source>Close the {0} manifest of {1}: {2} parcel(s) loaded.</source>
        <translation>{1} の {0} の出荷明細を締めます: 積込済 {2} 個。</translation>
    </message>
    <message>
        <source> and {0} more</source>
        <translation> ほか {0} 個</translation>
    </message>
    <message>
        <source>{0} parcel(s) are not loaded: {1}. They stay for the next manifest on a supervisor&apos;s badge and PIN.</source>
        <translation>未積込の荷物が {0} 個あります: {1}。責任者のバッジと暗証番号で次便に持ち越せます。</translation>
    </message>
    <message>
        <source>leave parcels for the next manifest</source>
        <translation>荷物を次便に持ち越す</translation>
    </message>
    <message>
        <source>Where the hand-over sheet and the upload file go</source>
        <translation>引渡し書とアップロード用ファイルの保存先</translation>
    </message>
    <message>
        <source>{0} manifest closed: {1} parcel(s), {2} order(s) shipped; files in {3}.</source>
        <translation>{0} の出荷明細を締めました: {1} 個、{2} 件を出荷済みにしました。ファイルは {3} にあります。</translation>
    </message>
    <message>
        <source>Shipment e-mails: {0} sent, {1} to check, {2} failed, {3} without an address.</source>
        <translation>発送完了メール: 送信 {0} 件、要確認 {1} 件、失敗 {2} 件、アドレスなし {3} 件。</translation>
    </message>
    <message>
        <source>Shipment e-mails not sent ({0}): the next send mails them.</source>
        <translation>発送完了メールを送れませんでした（{0}）。次回の送信で送ります。</translation>
    </message>
</context>
<context>
    <name>MismatchDetailsPane</name>
    <message>
        <source>What was found, what was done</source>
        <translation>確認した内容・対応</translation>
    </message>
    <message>
        <source>Mark reviewed…</source>
        <translation>確認済みにする…</translation>
    </message>
    <message>
        <source>A supervisor&apos;s badge and PIN are asked for</source>
        <translation>責任者のバッジと暗証番号が必要です</translation>
    </message>
    <message>
        <source>Scanned</source>
        <translation>スキャン</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>本来</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>場所</translation>
    </message>
    <message>
        <source>#</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>時刻</translation>
    </message>
    <message>
        <source>Scan</source>
        <translation>スキャン</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>判定</translation>
    </message>
    <message>
        <source>The pack session, scan by scan</source>
        <translation>この梱包のスキャン履歴</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>確認</translation>
    </message>
    <message>
        <source>Pick a refused scan in the list.</source>
        <translation>一覧から拒否されたスキャンを選んでください。</translation>
    </message>
    <message>
        <source>{0} at {1}, {2}</source>
        <translation>{0}&#x3000;{1}&#x3000;{2}</translation>
    </message>
    <message>
        <source>nobody logged in</source>
        <translation>ログインなし</translation>
    </message>
    <message>
        <source>, order {0}</source>
        <translation>&#x3000;注文 {0}</translation>
    </message>
    <message>
        <source>Reviewed by {0} at {1}</source>
        <translation>{0} が確認済み（{1}）</translation>
    </message>
    <message>
        <source>Not reviewed yet.</source>
        <translation>未確認です。</translation>
    </message>
    <message>
        <source>lot {0}</source>
        <translation>ロット {0}</translation>
    </message>
    <message>
        <source>expiry {0}</source>
        <translation>期限 {0}</translation>
    </message>
    <message>
        <source>keyed in by hand</source>
        <translation>手入力</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>拒否</translation>
    </message>
    <message>
        <source>info</source>
        <translation>情報</translation>
    </message>
</context>
<context>
    <name>MismatchLogModel</name>
    <message>
        <source>Time</source>
        <extracomment>The reviewed column&apos;s colours: done is calm, still to review catches the eye.</extracomment>
        <translation>時刻</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>ステーション</translation>
    </message>
    <message>
        <source>Packer</source>
        <translation>作業者</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>注文</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Scanned</source>
        <translation>スキャン</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>本来</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>確認</translation>
    </message>
    <message>
        <source> — keyed in by hand</source>
        <translation>（手入力）</translation>
    </message>
    <message>
        <source>⌨ </source>
        <translation>⌨ </translation>
    </message>
    <message>
        <source>to review</source>
        <translation>未確認</translation>
    </message>
</context>
<context>
    <name>MismatchesController</name>
    <message>
        <source>Not recorded: {0}</source>
        <translation>記録できません：{0}</translation>
    </message>
    <message>
        <source>Mark the refused scan reviewed: a supervisor&apos;s badge and PIN.</source>
        <extracomment>Wait this long after the last keystroke before filtering, so typing stays smooth. A review was recorded, or refused (its words under the review): tests wait for it.</extracomment>
        <translation>エラーのスキャンを確認済みにします。責任者のバッジと暗証番号を入力してください。</translation>
    </message>
    <message>
        <source>Not recorded: no badge and PIN were given.</source>
        <translation>記録していません：バッジと暗証番号が入力されませんでした。</translation>
    </message>
    <message>
        <source>No refused scans match</source>
        <translation>該当する拒否はありません</translation>
    </message>
    <message>
        <source>1 refused scan</source>
        <translation>拒否 1 件</translation>
    </message>
    <message>
        <source>{0:,} refused scans</source>
        <translation>拒否 {0:,} 件</translation>
    </message>
    <message>
        <source>newest {0:,} — scroll for more</source>
        <translation>新しい順に {0:,} 件 — スクロールで続き</translation>
    </message>
</context>
<context>
    <name>MismatchesPage</name>
    <message>
        <source>Every reason</source>
        <extracomment>A date edit at this date means &quot;no limit&quot; (shown as its special text).</extracomment>
        <translation>すべての理由</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Order number</source>
        <translation>注文番号</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>条件をクリア</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>再読み込み</translation>
    </message>
    <message>
        <source>Fetch the log again (F5)</source>
        <translation>ログを読み込み直す (F5)</translation>
    </message>
    <message>
        <source>any day</source>
        <extracomment>F5 fetches the log again (the controller listens).</extracomment>
        <translation>指定なし</translation>
    </message>
    <message>
        <source>Every station</source>
        <translation>すべてのステーション</translation>
    </message>
    <message>
        <source>Every packer</source>
        <translation>すべての作業者</translation>
    </message>
    <message>
        <source>From</source>
        <translation>開始日</translation>
    </message>
    <message>
        <source>To</source>
        <translation>終了日</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>ステーション</translation>
    </message>
    <message>
        <source>Packer</source>
        <translation>作業者</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>注文</translation>
    </message>
</context>
<context>
    <name>Next</name>
    <message>
        <source>Scan your badge</source>
        <translation>バッジをスキャンしてください</translation>
    </message>
    <message>
        <source>Locked: call a supervisor to scan their badge</source>
        <translation>ロック中: 責任者を呼んでバッジをスキャンしてもらってください</translation>
    </message>
    <message>
        <source>Fix the printer, then scan REPRINT</source>
        <translation>プリンターを直して「送り状再印刷」をスキャン</translation>
    </message>
    <message>
        <source>Put the label on the box and scan it</source>
        <translation>送り状を箱に貼ってスキャン</translation>
    </message>
    <message>
        <source>Scan the order number, its tote or its cart slot</source>
        <translation>注文番号・トート・カートのスロットをスキャン</translation>
    </message>
    <message>
        <source>All {0} items in: put the card in, scan CARD</source>
        <translation>全 {0} 点入りました: カードを入れて「カード確認」をスキャン</translation>
    </message>
    <message>
        <source>All {0} items in: scan COMPLETE</source>
        <translation>全 {0} 点入りました: 「梱包完了」をスキャン</translation>
    </message>
    <message>
        <source>Scan the next item: {0} to go</source>
        <translation>次の商品をスキャン: 残り {0} 点</translation>
    </message>
</context>
<context>
    <name>Note</name>
    <message>
        <source>OK  {0} / {1}</source>
        <translation>OK  {0} / {1}</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>A case of {0}: {1}</source>
        <translation>ケース {0} 点入り: {1}</translation>
    </message>
    <message>
        <source>Logged in: {0}</source>
        <translation>ログイン: {0}</translation>
    </message>
    <message>
        <source>PIN for {0}</source>
        <translation>{0} さんの暗証番号</translation>
    </message>
    <message>
        <source>Type the PIN and press Enter (Esc cancels).</source>
        <translation>暗証番号を入力して Enter を押してください（Esc で取り消し）。</translation>
    </message>
    <message>
        <source>Logged out</source>
        <translation>ログアウトしました</translation>
    </message>
    <message>
        <source>Scan a badge to log in.</source>
        <translation>バッジをスキャンするとログインします。</translation>
    </message>
    <message>
        <source>Order {0} open</source>
        <translation>注文 {0} を開きました</translation>
    </message>
    <message>
        <source>Scan every item into the box.</source>
        <translation>商品を1点ずつスキャンして箱に入れてください。</translation>
    </message>
    <message>
        <source>Order {0} resumed</source>
        <translation>注文 {0} を再開しました</translation>
    </message>
    <message>
        <source>Carry on where it stopped: scan the remaining items.</source>
        <translation>中断したところから続けます。残りの商品をスキャンしてください。</translation>
    </message>
    <message>
        <source>Order {0} is open</source>
        <translation>注文 {0} は開いています</translation>
    </message>
    <message>
        <source>It is already open here: nothing changed.</source>
        <translation>このステーションで既に開いています。変更はありません。</translation>
    </message>
    <message>
        <source>Undone</source>
        <translation>取り消しました</translation>
    </message>
    <message>
        <source>Took back one unit of {0}.</source>
        <translation>{0} を1点取り消しました。</translation>
    </message>
    <message>
        <source>Nothing to undo</source>
        <translation>取り消すものがありません</translation>
    </message>
    <message>
        <source>Nothing is taken for this wave yet: nothing to put back.</source>
        <translation>このウェーブではまだ何も取っていません。戻すものはありません。</translation>
    </message>
    <message>
        <source>No parcel loaded here to take off the truck.</source>
        <translation>ここで積み込んだ、降ろせる荷物はありません。</translation>
    </message>
    <message>
        <source>No unit in this carton to take back.</source>
        <translation>この箱には取り消せる商品がありません。</translation>
    </message>
    <message>
        <source>Message card confirmed</source>
        <translation>メッセージカード確認済み</translation>
    </message>
    <message>
        <source>The card is in the box.</source>
        <translation>カードを箱に入れました。</translation>
    </message>
    <message>
        <source>Card already confirmed</source>
        <translation>カードは確認済みです</translation>
    </message>
    <message>
        <source>The card was confirmed before: nothing changed.</source>
        <translation>カードは先に確認されています。変更はありません。</translation>
    </message>
    <message>
        <source>Pack left for later</source>
        <translation>梱包を中断しました</translation>
    </message>
    <message>
        <source>Order {0} is released; scan it again to carry on.</source>
        <translation>注文 {0} を解放しました。再開するにはもう一度スキャンしてください。</translation>
    </message>
    <message>
        <source>✔ Pack complete</source>
        <translation>✔ 梱包完了</translation>
    </message>
    <message>
        <source>Order {0}: every unit checked. Close the box.</source>
        <translation>注文 {0}: 全商品を検品しました。箱を閉じてください。</translation>
    </message>
    <message>
        <source>Carton {0} closed</source>
        <translation>{0} 箱目を閉じました</translation>
    </message>
    <message>
        <source>Its label prints now: put it on this box and scan it.</source>
        <translation>送り状を印刷中です。この箱に貼ってスキャンしてください。</translation>
    </message>
    <message>
        <source>The carton is empty</source>
        <translation>箱が空です</translation>
    </message>
    <message>
        <source>Scan a unit into it before closing it.</source>
        <translation>閉じる前に商品を1点以上スキャンしてください。</translation>
    </message>
    <message>
        <source>No labels at this station</source>
        <translation>このステーションは送り状を扱いません</translation>
    </message>
    <message>
        <source>This station prints no labels: nothing to close or reprint.</source>
        <translation>このステーションは送り状を印刷しません。箱の区切りや再印刷はできません。</translation>
    </message>
    <message>
        <source>Printing the label again</source>
        <translation>送り状を再印刷します</translation>
    </message>
    <message>
        <source>Label {0} is on its way.</source>
        <translation>送り状 {0} を印刷しています。</translation>
    </message>
    <message>
        <source>Nothing to reprint</source>
        <translation>再印刷するものがありません</translation>
    </message>
    <message>
        <source>No label is waiting to be scanned at this station.</source>
        <translation>このステーションでスキャン待ちの送り状はありません。</translation>
    </message>
    <message>
        <source>✔ Label verified</source>
        <translation>✔ 送り状を照合しました</translation>
    </message>
    <message>
        <source>Order {0}: the parcel may go.</source>
        <translation>注文 {0}: この荷物は出荷できます。</translation>
    </message>
    <message>
        <source>Label already verified</source>
        <translation>照合済みの送り状です</translation>
    </message>
    <message>
        <source>This label of order {0} was checked before.</source>
        <translation>注文 {0} の送り状は照合済みです。</translation>
    </message>
    <message>
        <source>Label of order {0}</source>
        <translation>注文 {0} の送り状</translation>
    </message>
    <message>
        <source>Not scanned back yet: it is checked at the station packing it.</source>
        <translation>まだ照合されていません。梱包したステーションで照合します。</translation>
    </message>
    <message>
        <source>Unknown label</source>
        <translation>不明な送り状</translation>
    </message>
    <message>
        <source>No parcel has this tracking number.</source>
        <translation>この送り状番号の荷物はありません。</translation>
    </message>
    <message>
        <source>A bin location</source>
        <translation>棚番です</translation>
    </message>
    <message>
        <source>Bin codes are for picking: scan an item or an order here.</source>
        <translation>棚番はピッキング用です。ここでは商品か注文をスキャンしてください。</translation>
    </message>
    <message>
        <source>{0}: call a supervisor</source>
        <translation>{0}: 責任者を呼んでください</translation>
    </message>
    <message>
        <source>A supervisor scans their badge here (then the PIN). CANCEL goes back.</source>
        <translation>責任者がここでバッジをスキャンします（続けて暗証番号）。「梱包中断」で戻ります。</translation>
    </message>
    <message>
        <source>{0}: approved by {1}</source>
        <translation>{0}: {1} さんが承認しました</translation>
    </message>
    <message>
        <source>Unlocked by {0}</source>
        <translation>{0} さんがロックを解除しました</translation>
    </message>
    <message>
        <source>{0} carries on: scan the next unit.</source>
        <translation>{0} さんは作業を続けてください。次の商品をスキャンしてください。</translation>
    </message>
    <message>
        <source>✔ Order {0} shipped short</source>
        <translation>✔ 注文 {0} を欠品出荷しました</translation>
    </message>
    <message>
        <source>{0} go to a backorder. Put the label that prints on the box and scan it.</source>
        <translation>{0} は後送り注文になります。印刷される送り状を箱に貼ってスキャンしてください。</translation>
    </message>
    <message>
        <source>Order {0} taken over</source>
        <translation>注文 {0} を引き継ぎました</translation>
    </message>
    <message>
        <source>Station {0} can no longer change it. Carry on packing.</source>
        <translation>ステーション {0} ではもう変更できません。梱包を続けてください。</translation>
    </message>
    <message>
        <source>New barcode {0}</source>
        <translation>新しいバーコード {0}</translation>
    </message>
    <message>
        <source>Barcode {0} added to {1}</source>
        <translation>バーコード {0} を {1} に登録しました</translation>
    </message>
    <message>
        <source>Scan the unit again to count it.</source>
        <translation>商品をもう一度スキャンすると数えられます。</translation>
    </message>
    <message>
        <source>{0} cancelled</source>
        <translation>{0} を取り消しました</translation>
    </message>
    <message>
        <source>Nothing was changed: carry on.</source>
        <translation>何も変更していません。作業を続けてください。</translation>
    </message>
    <message>
        <source>Nothing to do</source>
        <translation>対象がありません</translation>
    </message>
    <message>
        <source>That code is for an override: nothing needs it now.</source>
        <translation>このコードは責任者操作用です。今は必要ありません。</translation>
    </message>
    <message>
        <source>{0} open</source>
        <translation>{0} を開始しました</translation>
    </message>
    <message>
        <source>Go to the first bin the screen shows and scan its label.</source>
        <translation>画面の最初の棚へ行き、棚ラベルをスキャンしてください。</translation>
    </message>
    <message>
        <source>Bin {0}</source>
        <translation>棚 {0}</translation>
    </message>
    <message>
        <source>Take {0} × {1} and scan each.</source>
        <translation>{1} を {0} 点取り、1点ずつスキャンしてください。</translation>
    </message>
    <message>
        <source>Put it in slot {0} and scan the slot.</source>
        <translation>スロット {0} に入れて、スロットをスキャンしてください。</translation>
    </message>
    <message>
        <source>In slot {0}</source>
        <translation>スロット {0} に入れました</translation>
    </message>
    <message>
        <source>Scan the next unit.</source>
        <translation>次の商品をスキャンしてください。</translation>
    </message>
    <message>
        <source>✔ Pick done</source>
        <translation>✔ ピッキング完了</translation>
    </message>
    <message>
        <source>Take the cart or tote to packing.</source>
        <translation>カートまたはトートを梱包場へ運んでください。</translation>
    </message>
    <message>
        <source>Short at {0}</source>
        <translation>棚 {0} で欠品</translation>
    </message>
    <message>
        <source>{0} missing: Kenpin looks for them elsewhere.</source>
        <translation>{0} 点不足: 他の棚の在庫を探します。</translation>
    </message>
    <message>
        <source>Order {0} → {1}</source>
        <translation>注文 {0} → {1}</translation>
    </message>
    <message>
        <source>Go to bin {0} and scan its label.</source>
        <translation>棚 {0} へ行き、棚ラベルをスキャンしてください。</translation>
    </message>
    <message>
        <source>Cart {0} at the bench</source>
        <translation>カート {0} を作業台に受け取りました</translation>
    </message>
    <message>
        <source>Scan a slot label (SLOT-…) to open the order in it.</source>
        <translation>スロットラベル（SLOT-…）をスキャンすると、その注文を開きます。</translation>
    </message>
    <message>
        <source>Loaded: {0}</source>
        <translation>積込: {0}</translation>
    </message>
    <message>
        <source>{0} · scan the next parcel.</source>
        <translation>{0} · 次の荷物をスキャンしてください。</translation>
    </message>
    <message>
        <source>Taken off: {0}</source>
        <translation>降ろしました: {0}</translation>
    </message>
    <message>
        <source>Take parcel {0} off the truck.</source>
        <translation>荷物 {0} をトラックから降ろしてください。</translation>
    </message>
    <message>
        <source>Truck done</source>
        <translation>積み込み終了</translation>
    </message>
    <message>
        <source>The next parcel starts a new truck.</source>
        <translation>次の荷物から新しいトラックの積み込みです。</translation>
    </message>
</context>
<context>
    <name>OrderDetailsPane</name>
    <message>
        <source>{0} ×{1}</source>
        <translation>{0} ×{1}</translation>
    </message>
    <message>
        <source>lot {0}</source>
        <translation>ロット {0}</translation>
    </message>
    <message>
        <source>exp {0}</source>
        <translation>期限 {0}</translation>
    </message>
    <message>
        <source>Shipping label</source>
        <extracomment>A supervisor&apos;s label corrections (`OrderLabelsController`), printed at this station: one narrow button with a menu, as the pane&apos;s right part is off a 1024-pixel screen.</extracomment>
        <translation>送り状</translation>
    </message>
    <message>
        <source>A supervisor voids or reprints the label here</source>
        <translation>責任者が送り状を無効にしたり、ここで再印刷したりします</translation>
    </message>
    <message>
        <source>Void label…</source>
        <translation>送り状を無効にする…</translation>
    </message>
    <message>
        <source>Void this order&apos;s label; the new one prints here (supervisor)</source>
        <translation>この注文の送り状を無効にし、新しい送り状をここで印刷します（責任者）</translation>
    </message>
    <message>
        <source>Reprint label…</source>
        <translation>送り状を再印刷…</translation>
    </message>
    <message>
        <source>Print this order&apos;s label again here (supervisor)</source>
        <translation>この注文の送り状をここで再印刷します（責任者）</translation>
    </message>
    <message>
        <source>Pick an order in the queue to see its lines.</source>
        <translation>一覧から注文を選ぶと明細が表示されます。</translation>
    </message>
    <message>
        <source>Ship to</source>
        <extracomment>The picked order&apos;s own paper (the page puts its slip and card buttons here).</extracomment>
        <translation>お届け先</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>配送</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Allocated</source>
        <translation>引当</translation>
    </message>
    <message>
        <source>Packed</source>
        <translation>梱包済</translation>
    </message>
    <message>
        <source>Reserved in</source>
        <translation>引当棚</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>明細</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>詳細</translation>
    </message>
    <message>
        <source>History</source>
        <translation>履歴</translation>
    </message>
    <message>
        <source>Parcels and tracking links, labels and reprints, manifest, scans</source>
        <translation>荷物と追跡リンク、送り状と再印刷、出荷明細、スキャン</translation>
    </message>
    <message>
        <source>Ordered {0}</source>
        <translation>受注日時 {0}</translation>
    </message>
    <message>
        <source>Gift message: {0}</source>
        <translation>ギフトメッセージ: {0}</translation>
    </message>
    <message>
        <source>Not enough stock: {0}</source>
        <translation>在庫不足: {0}</translation>
    </message>
    <message>
        <source>{0} 様</source>
        <translation>{0} 様</translation>
    </message>
    <message>
        <source>TEL {0}</source>
        <translation>TEL {0}</translation>
    </message>
    <message>
        <source>any day</source>
        <translation>日付指定なし</translation>
    </message>
    <message>
        <source>Date: {0}</source>
        <translation>お届け日: {0}</translation>
    </message>
    <message>
        <source>Time: {0}</source>
        <translation>時間帯: {0}</translation>
    </message>
    <message>
        <source>any time</source>
        <translation>時間指定なし</translation>
    </message>
    <message>
        <source>Note: {0}</source>
        <translation>備考: {0}</translation>
    </message>
</context>
<context>
    <name>OrderHistoryView</name>
    <message>
        <source>Pick an order to see its history.</source>
        <translation>注文を選ぶと履歴が表示されます。</translation>
    </message>
    <message>
        <source>When, where, who</source>
        <translation>日時・場所・担当者</translation>
    </message>
    <message>
        <source>Label and result</source>
        <translation>送り状と結果</translation>
    </message>
    <message>
        <source>Scanned and result</source>
        <translation>スキャン内容と結果</translation>
    </message>
    <message>
        <source>Parcels</source>
        <translation>荷物</translation>
    </message>
    <message>
        <source>Labels and reprints</source>
        <translation>送り状と再印刷</translation>
    </message>
    <message>
        <source>Manifest</source>
        <translation>出荷明細</translation>
    </message>
    <message>
        <source>Notices</source>
        <translation>出荷通知</translation>
    </message>
    <message>
        <source>Scans (newest last)</source>
        <translation>スキャン（新しいものが下）</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>監査ログ</translation>
    </message>
    <message>
        <source>Reading the order&apos;s history…</source>
        <translation>注文の履歴を読み込んでいます…</translation>
    </message>
    <message>
        <source>Could not read the history: {0}</source>
        <translation>履歴を読み込めませんでした：{0}</translation>
    </message>
    <message>
        <source>{0} — shipped on {1}</source>
        <translation>{0} — {1} に出荷</translation>
    </message>
    <message>
        <source>{0} — not shipped yet</source>
        <translation>{0} — 未出荷</translation>
    </message>
    <message>
        <source>No label issued yet.</source>
        <translation>送り状はまだ発行されていません。</translation>
    </message>
    <message>
        <source>Not on a manifest yet.</source>
        <translation>まだ出荷明細に載っていません。</translation>
    </message>
    <message>
        <source>{0}  {1} to {2}: {3}</source>
        <translation>{0}  {1}（{2}）：{3}</translation>
    </message>
    <message>
        <source>Shipment file</source>
        <translation>出荷ファイル</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>メール</translation>
    </message>
    <message>
        <source>written</source>
        <translation>書き出し済み</translation>
    </message>
    <message>
        <source>No notice sent yet.</source>
        <translation>出荷通知はまだ送っていません。</translation>
    </message>
    <message>
        <source>Nothing about this order in the audit trail.</source>
        <translation>監査ログにこの注文の記録はありません。</translation>
    </message>
    <message>
        <source>waiting to be sent</source>
        <translation>送信待ち</translation>
    </message>
    <message>
        <source>being sent</source>
        <translation>送信中</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>送信済み</translation>
    </message>
    <message>
        <source>not sent yet, tried again soon</source>
        <translation>未送信（まもなく再送）</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>to check: it may have been sent</source>
        <translation>要確認：送信済みの可能性あり</translation>
    </message>
    <message>
        <source>no address</source>
        <translation>アドレスなし</translation>
    </message>
    <message>
        <source>label not scanned back yet</source>
        <translation>送り状の照合スキャン待ち</translation>
    </message>
    <message>
        <source>label scanned back {0}</source>
        <translation>送り状を照合済み {0}</translation>
    </message>
    <message>
        <source>voided, replaced by {0}</source>
        <translation>無効、差し替え先 {0}</translation>
    </message>
    <message>
        <source>Carton {0}</source>
        <translation>{0}箱目</translation>
    </message>
    <message>
        <source>Carton {0} ({1}):</source>
        <translation>{0}箱目（{1}）：</translation>
    </message>
    <message>
        <source>loaded {0} by {1} at {2}</source>
        <translation>{0} {2}で{1}が積み込み</translation>
    </message>
    <message>
        <source>left on the {0} manifest of {1}, closed {2}</source>
        <translation>{0}の{1}付け出荷明細で出荷（締め {2}）</translation>
    </message>
    <message>
        <source>not loaded yet</source>
        <translation>未積み込み</translation>
    </message>
    <message>
        <source>on the {0} open manifest</source>
        <translation>{0}の締め前の出荷明細に記載</translation>
    </message>
    <message>
        <source>voided: on no manifest</source>
        <translation>無効：出荷明細には載りません</translation>
    </message>
    <message>
        <source>its label is not scanned back yet</source>
        <translation>送り状の照合スキャン待ち</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>no printer</source>
        <translation>プリンターなし</translation>
    </message>
    <message>
        <source>Reprint</source>
        <translation>再印刷</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>印刷</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>印刷済み</translation>
    </message>
    <message>
        <source>Failed: {0}</source>
        <translation>失敗：{0}</translation>
    </message>
    <message>
        <source>Waiting to print</source>
        <translation>印刷待ち</translation>
    </message>
    <message>
        <source>(typed by hand)</source>
        <translation>（手入力）</translation>
    </message>
    <message>
        <source>Refused: {0}</source>
        <translation>拒否：{0}</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>受付</translation>
    </message>
    <message>
        <source>Noted</source>
        <translation>記録のみ</translation>
    </message>
</context>
<context>
    <name>OrderLabelsController</name>
    <message>
        <source>Void label</source>
        <extracomment>How it went, for the banner: level (&quot;info&quot; or &quot;error&quot;) and words. A label was voided or printed again: the queue and the pack screen read again. A void or reprint ended, done or refused (tests wait for it).</extracomment>
        <translation>送り状を無効にする</translation>
    </message>
    <message>
        <source>Why is the label {0} of {1} voided? (kept in the audit trail)</source>
        <translation>{1} の送り状 {0} を無効にする理由（監査ログに残ります）</translation>
    </message>
    <message>
        <source>Cancelled: no label was voided.</source>
        <translation>取り消しました。送り状は無効にしていません。</translation>
    </message>
    <message>
        <source>Void the label {0} of {1}: a supervisor&apos;s badge and PIN.</source>
        <translation>{1} の送り状 {0} を無効にします。責任者のバッジと暗証番号を入力してください。</translation>
    </message>
    <message>
        <source>Reprint label</source>
        <translation>送り状を再印刷</translation>
    </message>
    <message>
        <source>Print the label {0} of {1} again: a supervisor&apos;s badge and PIN.</source>
        <translation>{1} の送り状 {0} を再印刷します。責任者のバッジと暗証番号を入力してください。</translation>
    </message>
    <message>
        <source>Cancelled: nothing was printed.</source>
        <translation>取り消しました。何も印刷していません。</translation>
    </message>
    <message>
        <source>Label {0} of {1} voided. The new label {2} printed here: put it on the box and scan it.</source>
        <translation>{1} の送り状 {0} を無効にしました。新しい送り状 {2} をここで印刷しました。箱に貼ってスキャンしてください。</translation>
    </message>
    <message>
        <source>Label {0} of {1} voided, but the new label {2} did not print: {3}. Use Reprint label… to try again.</source>
        <translation>{1} の送り状 {0} を無効にしましたが、新しい送り状 {2} は印刷できませんでした：{3}。「送り状を再印刷…」でもう一度印刷してください。</translation>
    </message>
    <message>
        <source>Label {0} of {1} printed again here.</source>
        <translation>{1} の送り状 {0} をここで再印刷しました。</translation>
    </message>
    <message>
        <source>Label {0} of {1} did not print: {2}.</source>
        <translation>{1} の送り状 {0} を印刷できませんでした：{2}。</translation>
    </message>
    <message>
        <source>this station has no printer: an admin sets one on the Admin page, Stations tab.</source>
        <translation>このステーションにはプリンターがありません。管理者が「管理」画面の「ステーション」タブで設定してください。</translation>
    </message>
    <message>
        <source>this station waits for the label of {0} to be scanned back: scan it first</source>
        <translation>このステーションは {0} の送り状のスキャン待ちです。先にそれをスキャンしてください</translation>
    </message>
    <message>
        <source>Not done: {0}</source>
        <translation>実行していません：{0}</translation>
    </message>
    <message>
        <source>Order {0} has no shipping label yet.</source>
        <translation>注文 {0} にはまだ送り状がありません。</translation>
    </message>
    <message>
        <source>Carton {0}: {1}</source>
        <translation>{0} 箱目：{1}</translation>
    </message>
    <message>
        <source>Which label of {0}?</source>
        <translation>{0} のどの送り状ですか？</translation>
    </message>
</context>
<context>
    <name>OrderQueueModel</name>
    <message>
        <source>Order</source>
        <translation>注文番号</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>受注日</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>配送業者</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>明細</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>点数</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>お客様</translation>
    </message>
    <message>
        <source>Prefecture</source>
        <translation>都道府県</translation>
    </message>
</context>
<context>
    <name>OrderStatus</name>
    <message>
        <source>New</source>
        <extracomment>Qt&apos;s translation; called with literal texts so `pyside6-lupdate` finds them.</extracomment>
        <translation>新規</translation>
    </message>
    <message>
        <source>Allocated</source>
        <translation>引当済</translation>
    </message>
    <message>
        <source>Picking</source>
        <translation>ピッキング中</translation>
    </message>
    <message>
        <source>Picked</source>
        <translation>ピッキング済み</translation>
    </message>
    <message>
        <source>Backordered</source>
        <translation>欠品待ち</translation>
    </message>
    <message>
        <source>Packing</source>
        <translation>梱包中</translation>
    </message>
    <message>
        <source>Packed</source>
        <translation>梱包済</translation>
    </message>
    <message>
        <source>Labelled</source>
        <translation>送り状発行済</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>検品済</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>出荷済</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>保留</translation>
    </message>
</context>
<context>
    <name>OrdersController</name>
    <message>
        <source>All statuses ({0:,})</source>
        <extracomment>Wait this long after the last keystroke before searching, so typing stays smooth. The user asked for fresh figures (Refresh button or F5). The user asked for paper: the wave&apos;s pick list, the picked order&apos;s slip or card. Another order was picked in the queue: its id (0: none is).</extracomment>
        <translation>すべての状態 ({0:,})</translation>
    </message>
    <message>
        <source>{0} ({1:,})</source>
        <translation>{0} ({1:,})</translation>
    </message>
    <message>
        <source>No orders match</source>
        <translation>該当する注文はありません</translation>
    </message>
    <message>
        <source>1 order</source>
        <translation>1 件</translation>
    </message>
    <message>
        <source>{0:,} orders</source>
        <translation>{0:,} 件</translation>
    </message>
    <message>
        <source>first {0:,} orders — scroll for more</source>
        <translation>先頭 {0:,} 件 — 続きはスクロール</translation>
    </message>
</context>
<context>
    <name>OrdersPage</name>
    <message>
        <source>All statuses</source>
        <translation>すべての状態</translation>
    </message>
    <message>
        <source>Order number, e.g. #1001</source>
        <translation>注文番号（例: #1001）</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>再読み込み</translation>
    </message>
    <message>
        <source>Fetch the queue again (F5)</source>
        <translation>一覧を読み込み直します (F5)</translation>
    </message>
    <message>
        <source>Pick list…</source>
        <translation>ピッキングリスト…</translation>
    </message>
    <message>
        <source>A pick list (PDF) of every allocated order</source>
        <translation>引当済みの全注文のピッキングリスト (PDF)</translation>
    </message>
    <message>
        <source>Packing slip…</source>
        <translation>納品書…</translation>
    </message>
    <message>
        <source>The picked order&apos;s packing slip (PDF)</source>
        <translation>選択中の注文の納品書 (PDF)</translation>
    </message>
    <message>
        <source>Message card…</source>
        <translation>メッセージカード…</translation>
    </message>
    <message>
        <source>The picked gift order&apos;s message card (PDF)</source>
        <translation>選択中のギフト注文のメッセージカード (PDF)</translation>
    </message>
    <message>
        <source>Status</source>
        <extracomment>F5 fetches the queue again (the controller listens).</extracomment>
        <translation>状態</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>検索</translation>
    </message>
</context>
<context>
    <name>Override</name>
    <message>
        <source>Short ship</source>
        <translation>欠品出荷</translation>
    </message>
    <message>
        <source>Take over</source>
        <translation>引き継ぎ</translation>
    </message>
    <message>
        <source>New barcode</source>
        <translation>バーコード追加</translation>
    </message>
    <message>
        <source>A supervisor scans their badge (then the PIN).</source>
        <translation>責任者がバッジをスキャンします（続けて暗証番号）。</translation>
    </message>
    <message>
        <source>Scan the reason: DAMAGED, OUT OF STOCK, CUSTOMER REQUEST or OTHER (on the command sheet).</source>
        <translation>理由をスキャン: 破損・在庫切れ・お客様の希望・その他（コマンドシート2枚目）。</translation>
    </message>
    <message>
        <source>Scan the order to take over.</source>
        <translation>引き継ぐ注文の番号をスキャンしてください。</translation>
    </message>
    <message>
        <source>Scan the new barcode on the unit.</source>
        <translation>商品に付いている新しいバーコードをスキャンしてください。</translation>
    </message>
    <message>
        <source>Now scan a barcode Kenpin knows for this product (a shelf label).</source>
        <translation>次に、この商品の登録済みバーコード（棚ラベルなど）をスキャンしてください。</translation>
    </message>
</context>
<context>
    <name>PackController</name>
    <message>
        <source>{0}. Kenpin tries again by itself; or fix it, then scan REPRINT.</source>
        <extracomment>A label print&apos;s result was shown: True printed, False not (tests wait for it). Labels print on a lane of their own: a scan never waits behind a printer. Why the awaited label did not print (in the packer&apos;s words), until one prints. Verdicts shown since the open order changed: &quot;scan 7&quot; in the banner.</extracomment>
        <translation>{0}。自動で再試行します。直したら「送り状再印刷」をスキャンしてください。</translation>
    </message>
    <message>
        <source>{0}. Fix it, then scan REPRINT.</source>
        <translation>{0}。直してから「送り状再印刷」をスキャンしてください。</translation>
    </message>
    <message>
        <source>Label NOT printed</source>
        <translation>送り状が印刷されていません</translation>
    </message>
    <message>
        <source>Label printed</source>
        <translation>送り状を印刷しました</translation>
    </message>
    <message>
        <source>Put it on the box and scan it.</source>
        <translation>箱に貼ってスキャンしてください。</translation>
    </message>
    <message>
        <source>Could not renew the claim on the order: {0}</source>
        <translation>注文の確保を更新できませんでした: {0}</translation>
    </message>
    <message>
        <source>Label of order {0} not scanned yet</source>
        <translation>注文 {0} の送り状がまだスキャンされていません</translation>
    </message>
    <message>
        <source>Find its box, put the label on it and scan the label.</source>
        <translation>その箱に送り状を貼り、送り状をスキャンしてください。</translation>
    </message>
    <message>
        <source>Ready, {0}</source>
        <translation>準備完了: {0}</translation>
    </message>
    <message>
        <source>Carry on where it stopped: scan the remaining items.</source>
        <translation>中断したところから続けます。残りの商品をスキャンしてください。</translation>
    </message>
    <message>
        <source>Order {0} is no longer held by this station: its claim ran out or another station took it over. Scan the order again to carry on.</source>
        <translation>注文 {0} はこのステーションの担当ではなくなりました（確保の期限切れか、別のステーションが引き継ぎました）。続けるには注文番号をもう一度スキャンしてください。</translation>
    </message>
    <message>
        <source>Order {0} resumed</source>
        <translation>注文 {0} を再開しました</translation>
    </message>
</context>
<context>
    <name>PackPage</name>
    <message>
        <source>Scan the order number on the pick list or packing slip.</source>
        <extracomment>Who picked the open order by scan, and when: the double check&apos;s first half.</extracomment>
        <translation>ピッキングリストか納品書の注文番号をスキャンしてください。</translation>
    </message>
    <message>
        <source>Card in box</source>
        <translation>カード確認</translation>
    </message>
    <message>
        <source>Undo last unit</source>
        <translation>1点取り消し</translation>
    </message>
    <message>
        <source>Complete pack</source>
        <translation>梱包完了</translation>
    </message>
    <message>
        <source>Leave for later</source>
        <translation>梱包中断</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>ログアウト</translation>
    </message>
    <message>
        <source>Recent scans</source>
        <translation>最近のスキャン</translation>
    </message>
    <message>
        <source>Packer: {0}</source>
        <translation>担当: {0}</translation>
    </message>
    <message>
        <source>picked by {0} at {1}</source>
        <translation>ピッキング: {0}（{1}）</translation>
    </message>
    <message>
        <source>Order {0}</source>
        <translation>注文 {0}</translation>
    </message>
    <message>
        <source>{0} / {1} units</source>
        <translation>{0} / {1} 点</translation>
    </message>
    <message>
        <source>No order open</source>
        <translation>注文未選択</translation>
    </message>
    <message>
        <source>Scan the label on the box before the next order.</source>
        <translation>次の注文の前に、箱の送り状をスキャンしてください。</translation>
    </message>
    <message>
        <source>Label to scan: order {0}, tracking number {1}</source>
        <translation>スキャンする送り状: 注文 {0}、送り状番号 {1}</translation>
    </message>
    <message>
        <source>Label to scan</source>
        <translation>送り状スキャン待ち</translation>
    </message>
</context>
<context>
    <name>Pick</name>
    <message>
        <source>Ready, {0}</source>
        <extracomment>The wave this window saw picked to its end, until another opens or the picker leaves: &quot;W-000001 picked — scan the next wave&quot;. Verdicts shown since the wave open changed: &quot;scan 7&quot; in the banner.</extracomment>
        <translation>準備完了: {0}</translation>
    </message>
    <message>
        <source>{0} resumed</source>
        <translation>{0} を再開</translation>
    </message>
    <message>
        <source>Carry on where it stopped: the instruction is below.</source>
        <translation>中断したところから続けてください。指示は下に表示しています。</translation>
    </message>
    <message>
        <source>No wave is open: scan a wave&apos;s barcode or an order number.</source>
        <translation>ウェーブが開かれていません。ウェーブのバーコードか注文番号をスキャンしてください。</translation>
    </message>
    <message>
        <source>One order on its own: scan an empty tote&apos;s label (TOTE-…).</source>
        <translation>1件の注文だけのピッキングです。空のトートのラベル（TOTE-…）をスキャンしてください。</translation>
    </message>
    <message>
        <source>✔ {0} picked</source>
        <translation>✔ {0} ピッキング完了</translation>
    </message>
    <message>
        <source>Order {0} is backordered: take its {1} unit(s) out of slot {2} and put them back on the shelf.</source>
        <translation>注文 {0} は欠品待ちになりました。スロット {2} からこの注文の {1} 点を取り出し、棚に戻してください。</translation>
    </message>
    <message>
        <source>Order {0} is backordered: put the {1} unit(s) picked for it back on the shelf.</source>
        <translation>注文 {0} は欠品待ちになりました。この注文用に取った {1} 点を棚に戻してください。</translation>
    </message>
    <message>
        <source>Order {0} is backordered: nothing more is picked for it.</source>
        <translation>注文 {0} は欠品待ちになりました。この注文の商品はこれ以上取りません。</translation>
    </message>
    <message>
        <source>Scan your badge</source>
        <translation>バッジをスキャンしてください</translation>
    </message>
    <message>
        <source>{0} picked — scan the next wave</source>
        <translation>{0} 完了 — 次のウェーブをスキャン</translation>
    </message>
    <message>
        <source>Scan a wave (W-…) or an order number</source>
        <translation>ウェーブ（W-…）か注文番号をスキャン</translation>
    </message>
    <message>
        <source>Put it in slot {0}, scan the slot&apos;s label</source>
        <translation>スロット {0} に入れて、スロットのラベルをスキャン</translation>
    </message>
    <message>
        <source>Scan a tote (TOTE-…) for order {0}</source>
        <translation>注文 {0} のトート（TOTE-…）をスキャン</translation>
    </message>
    <message>
        <source>Go to bin {0}</source>
        <translation>棚 {0} へ</translation>
    </message>
    <message>
        <source>Take {0} × {1}</source>
        <translation>{1} を {0} 点取る</translation>
    </message>
    <message>
        <source>{0} (lot {1})</source>
        <translation>{0}（ロット {1}）</translation>
    </message>
    <message>
        <source>line {0} of {1}</source>
        <translation>{1} 行中 {0} 行目</translation>
    </message>
    <message>
        <source>{0} / {1} units</source>
        <translation>{0} / {1} 点</translation>
    </message>
</context>
<context>
    <name>PickPage</name>
    <message>
        <source>Recent scans</source>
        <extracomment>From this width on the recent scans stand beside the instruction; a narrower screen (a handheld, 800×600) keeps to the one instruction. From this height on (the window as it opens, 1360×860, or larger) the texts grow to be read from further away; below it they are sized to fit 800×600 whole.</extracomment>
        <translation>最近のスキャン</translation>
    </message>
    <message>
        <source>Undo last unit</source>
        <translation>1点取り消し</translation>
    </message>
    <message>
        <source>Short pick</source>
        <translation>欠品</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>ログアウト</translation>
    </message>
    <message>
        <source>Picker: {0}</source>
        <translation>ピッキング担当: {0}</translation>
    </message>
    <message>
        <source>No wave open</source>
        <translation>ウェーブなし</translation>
    </message>
    <message>
        <source>Scan the wave&apos;s barcode on its pick list, or one order&apos;s number.</source>
        <translation>ピッキングリストのウェーブのバーコードか、1件の注文番号をスキャンしてください。</translation>
    </message>
</context>
<context>
    <name>PinEntry</name>
    <message>
        <source>PIN for {0}: type it, then Enter (Esc cancels)</source>
        <extracomment>The PIN was typed and Enter pressed. Esc: no PIN.</extracomment>
        <translation>{0} さんの暗証番号を入力して Enter（Esc で取り消し）</translation>
    </message>
</context>
<context>
    <name>Printer</name>
    <message>
        <source>this station has no printer: ask a supervisor to set one up</source>
        <translation>このステーションにはプリンターがありません。管理者に設定を頼んでください</translation>
    </message>
    <message>
        <source>the printer is off or unreachable: switch it on and check its cable</source>
        <translation>プリンターの電源が切れているか接続できません。電源とケーブルを確認してください</translation>
    </message>
    <message>
        <source>the printer did not answer in time: check it is on and not busy</source>
        <translation>プリンターが応答しません。電源が入っていて使用中でないか確認してください</translation>
    </message>
    <message>
        <source>the printer is out of labels: load a new roll</source>
        <translation>プリンターのラベル切れです。新しいロールをセットしてください</translation>
    </message>
    <message>
        <source>the printer is out of ribbon: load a new ribbon</source>
        <translation>プリンターのリボン切れです。新しいリボンをセットしてください</translation>
    </message>
    <message>
        <source>the printer&apos;s head is open: close it</source>
        <translation>プリンターのヘッドが開いています。閉じてください</translation>
    </message>
    <message>
        <source>the printer is paused: press its pause button</source>
        <translation>プリンターが一時停止中です。一時停止ボタンを押してください</translation>
    </message>
    <message>
        <source>the printer queue does not exist: ask a supervisor to set it up</source>
        <translation>プリンターのキューがありません。管理者に設定を頼んでください</translation>
    </message>
    <message>
        <source>Kenpin may not use this printer: ask a supervisor</source>
        <translation>このプリンターを使う権限がありません。管理者に確認してください</translation>
    </message>
    <message>
        <source>the printer refused the label</source>
        <translation>プリンターが送り状を受け付けませんでした</translation>
    </message>
</context>
<context>
    <name>PrintersController</name>
    <message>
        <source>(none)</source>
        <translation>（なし）</translation>
    </message>
    <message>
        <source>Test label sent to {0}.</source>
        <translation>テスト用の送り状を {0} に送りました。</translation>
    </message>
    <message>
        <source>{0}: ready.</source>
        <translation>{0}：印刷できます。</translation>
    </message>
    <message>
        <source>{0}: connected (the printer does not report its state).</source>
        <translation>{0}：接続できました（プリンターは状態を返しません）。</translation>
    </message>
    <message>
        <source>Printer: {0}</source>
        <translation>プリンター：{0}</translation>
    </message>
</context>
<context>
    <name>PrintersPage</name>
    <message>
        <source>Printer</source>
        <translation>プリンター</translation>
    </message>
    <message>
        <source>Stations</source>
        <translation>ステーション</translation>
    </message>
    <message>
        <source>Check printer</source>
        <translation>プリンターを確認</translation>
    </message>
    <message>
        <source>Print a test label</source>
        <translation>テスト印刷</translation>
    </message>
    <message>
        <source>A printer</source>
        <translation>プリンター</translation>
    </message>
    <message>
        <source>Printer URI</source>
        <translation>プリンター URI</translation>
    </message>
    <message>
        <source>Check asks the printer how it is (a Zebra on tcp:// tells paper, ribbon and head). A test label shows the shop&apos;s sender and no tracking number. A station&apos;s printer is set on the Stations tab.</source>
        <translation>「プリンターを確認」でプリンターの状態を問い合わせます（tcp:// の Zebra はラベル・リボン・ヘッドの状態を返します）。テスト印刷の送り状には店舗のご依頼主が入り、送り状番号は入りません。ステーションのプリンターは「ステーション」タブで設定します。</translation>
    </message>
</context>
<context>
    <name>Progress</name>
    <message>
        <source>To do</source>
        <translation>未着手</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>途中</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>Too many</source>
        <translation>超過</translation>
    </message>
</context>
<context>
    <name>Reason</name>
    <message>
        <source>Nobody is logged in: scan your badge first.</source>
        <extracomment>A headline and a sentence under it (&quot;&quot; when there is nothing more to say).</extracomment>
        <translation>ログインしていません。先にバッジをスキャンしてください。</translation>
    </message>
    <message>
        <source>Unknown barcode: not a product, order, badge or command code Kenpin knows.</source>
        <translation>登録されていないバーコードです（商品・注文・バッジ・コマンドのどれでもありません）。</translation>
    </message>
    <message>
        <source>No order is open: scan the order number on the pick list first.</source>
        <translation>注文が開かれていません。先にピッキングリストの注文番号をスキャンしてください。</translation>
    </message>
    <message>
        <source>This order cannot be packed: not allocated, on hold, cancelled or already packed.</source>
        <translation>この注文は梱包できません（未引当・保留・キャンセル・梱包済みのいずれかです）。</translation>
    </message>
    <message>
        <source>This order is open at another station. Finish or cancel it there first.</source>
        <translation>この注文は別のステーションで梱包中です。そちらで完了するか中断してください。</translation>
    </message>
    <message>
        <source>This item is not on the order. Take it out of the box.</source>
        <translation>この商品は注文に含まれていません。箱から取り出してください。</translation>
    </message>
    <message>
        <source>Too many: the order does not need this unit (or case). Take it out of the box.</source>
        <translation>数量超過です。この商品（ケース）はもう必要ありません。箱から取り出してください。</translation>
    </message>
    <message>
        <source>Wrong lot: this lot is not the one reserved for the order. Take another unit.</source>
        <translation>ロット違いです。この注文に引き当てたロットではありません。別の商品を取ってください。</translation>
    </message>
    <message>
        <source>Expired, or too close to its expiry date for this order. Set this unit aside.</source>
        <translation>期限切れ、またはこの注文には期限が近すぎます。この商品は別に取り置いてください。</translation>
    </message>
    <message>
        <source>Another order is still open: scan COMPLETE, or LEAVE FOR LATER, first.</source>
        <translation>別の注文がまだ開いています。先に「梱包完了」か「梱包中断」をスキャンしてください。</translation>
    </message>
    <message>
        <source>This order has no gift message: no card goes in the box.</source>
        <translation>この注文にはギフトメッセージがありません。カードは入れません。</translation>
    </message>
    <message>
        <source>Scan the GS1 code with the lot on this unit.</source>
        <translation>この商品のロット入り GS1 コードをスキャンしてください。</translation>
    </message>
    <message>
        <source>The scanner&apos;s keys did not read as a whole barcode: scan again.</source>
        <translation>バーコード全体を読み取れませんでした。もう一度スキャンしてください。</translation>
    </message>
    <message>
        <source>The shop&apos;s name and address for the label are not set: the pack stays open. Ask an admin to set them on the Shop settings page (or kenpin settings set shop.name …), then scan COMPLETE again.</source>
        <translation>送り状のご依頼主（店舗名・住所）が未設定です。梱包は開いたままです。管理者に「店舗設定」画面（または kenpin settings set shop.name …）で設定してもらい、もう一度 COMPLETE をスキャンしてください。</translation>
    </message>
    <message>
        <source>Wrong PIN: nobody signed in. Scan the badge and type the PIN again.</source>
        <translation>暗証番号が違います。ログインしていません。バッジをスキャンして暗証番号をもう一度入力してください。</translation>
    </message>
    <message>
        <source>This badge is locked after too many wrong PINs. Wait until the lock ends, or ask another supervisor.</source>
        <translation>暗証番号の誤りが多すぎるため、このバッジはロックされています。ロックが解けるまで待つか、別の責任者に依頼してください。</translation>
    </message>
    <message>
        <source>Too many wrong scans in a row: the station is locked. Call a supervisor to scan their badge here.</source>
        <translation>誤スキャンが続いたため、ステーションをロックしました。責任者を呼んで、ここでバッジをスキャンしてもらってください。</translation>
    </message>
    <message>
        <source>Only a supervisor&apos;s badge can approve this. Call a supervisor.</source>
        <translation>承認できるのは責任者のバッジだけです。責任者を呼んでください。</translation>
    </message>
    <message>
        <source>An override is under way: scan what it asks for, or CANCEL to go back.</source>
        <translation>責任者操作の途中です。指示されたものをスキャンするか、「梱包中断」で戻ってください。</translation>
    </message>
    <message>
        <source>Wrong bin: go to the bin the screen shows and scan its label first.</source>
        <translation>棚違いです。画面の棚へ行き、先に棚ラベルをスキャンしてください。</translation>
    </message>
    <message>
        <source>Not the product to pick here: put it back and take the one shown.</source>
        <translation>ここで取る商品ではありません。棚に戻し、画面の商品を取ってください。</translation>
    </message>
    <message>
        <source>Wrong slot: put the unit in its order&apos;s slot and scan that slot&apos;s label.</source>
        <translation>スロット違いです。注文のスロットに入れ、そのスロットのラベルをスキャンしてください。</translation>
    </message>
    <message>
        <source>Another pick is still open here: finish it before starting a new one.</source>
        <translation>別のピッキングが開いたままです。終えてから新しいピッキングを始めてください。</translation>
    </message>
    <message>
        <source>Short pick: the bin held fewer units than reserved. Have the bin counted.</source>
        <translation>ピッキング欠品です。棚の数量が引当数より少なかったため、この棚の棚卸しを手配してください。</translation>
    </message>
    <message>
        <source>This tote holds another order: take an empty tote and scan its label.</source>
        <translation>このトートには別の注文が入っています。空のトートを取り、ラベルをスキャンしてください。</translation>
    </message>
    <message>
        <source>Scan a tote label first: this order&apos;s units go into a tote.</source>
        <translation>先にトートのラベルをスキャンしてください。この注文の商品はトートに入れます。</translation>
    </message>
    <message>
        <source>No order waits in this tote or slot: scan the order number instead.</source>
        <translation>このトート（スロット）に梱包待ちの注文はありません。注文番号をスキャンしてください。</translation>
    </message>
    <message>
        <source>Which cart? Scan the wave number (W-…) on the cart&apos;s pick list first, then its slots.</source>
        <translation>どのカートですか？先にカートのピッキングリストのウェーブ番号（W-…）をスキャンし、それからスロットをスキャンしてください。</translation>
    </message>
    <message>
        <source>This parcel&apos;s label was never scanned back at the pack bench. Take it back.</source>
        <translation>この荷物の送り状は梱包場で照合されていません。梱包場へ戻してください。</translation>
    </message>
    <message>
        <source>This parcel is on a truck already. Do not load it twice.</source>
        <translation>この荷物は積込済みです。二重に積まないでください。</translation>
    </message>
    <message>
        <source>This parcel goes with another carrier. Put it with that carrier&apos;s parcels.</source>
        <translation>この荷物は別の運送会社の便です。その運送会社の荷物の所へ置いてください。</translation>
    </message>
    <message>
        <source>Not finished: some lines still need units before the pack can be completed.</source>
        <translation>まだ完了できません。スキャンが足りない明細があります。</translation>
    </message>
    <message>
        <source>Gift order: put the message card in the box and scan CARD before completing.</source>
        <translation>ギフト注文です。メッセージカードを箱に入れ、「カード確認」をスキャンしてから完了してください。</translation>
    </message>
    <message>
        <source>The last parcel&apos;s label has not been scanned back yet. Scan that label first.</source>
        <translation>前の荷物の送り状がまだスキャンされていません。先にその送り状をスキャンしてください。</translation>
    </message>
    <message>
        <source>Wrong label: this is not the label of the parcel in front of you.</source>
        <translation>送り状違いです。目の前の荷物の送り状ではありません。</translation>
    </message>
    <message>
        <source>No tracking number left for this carrier: the pack stays open. Ask a supervisor to register a block or import the carrier&apos;s numbers, then scan COMPLETE again.</source>
        <translation>この配送会社の送り状番号が残っていません。梱包は開いたままです。管理者に番号帯の登録か配送会社の番号の取り込みを頼み、もう一度「完了」をスキャンしてください。</translation>
    </message>
    <message>
        <source>The database is unavailable: nothing was recorded. Scan it again; if it keeps failing, call a supervisor.</source>
        <translation>データベースに接続できません。何も記録されていません。もう一度スキャンしてください。繰り返し失敗する場合は責任者を呼んでください。</translation>
    </message>
    <message>
        <source>This label was voided and replaced. Use the new label.</source>
        <translation>この送り状は無効になり、再発行されています。新しい送り状を使ってください。</translation>
    </message>
</context>
<context>
    <name>ReasonLabel</name>
    <message>
        <source>Not logged in</source>
        <translation>未ログイン</translation>
    </message>
    <message>
        <source>Unknown barcode</source>
        <translation>未登録バーコード</translation>
    </message>
    <message>
        <source>No order open</source>
        <translation>注文未選択</translation>
    </message>
    <message>
        <source>Order not packable</source>
        <translation>梱包不可の注文</translation>
    </message>
    <message>
        <source>Open at another station</source>
        <translation>他ステーションで梱包中</translation>
    </message>
    <message>
        <source>Not on the order</source>
        <translation>注文外の商品</translation>
    </message>
    <message>
        <source>Too many</source>
        <translation>数量超過</translation>
    </message>
    <message>
        <source>Wrong lot</source>
        <translation>ロット違い</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>期限切れ</translation>
    </message>
    <message>
        <source>Pack not finished</source>
        <translation>未完了</translation>
    </message>
    <message>
        <source>Card not confirmed</source>
        <translation>カード未確認</translation>
    </message>
    <message>
        <source>Label not scanned back</source>
        <translation>送り状未確認</translation>
    </message>
    <message>
        <source>Wrong label</source>
        <translation>送り状違い</translation>
    </message>
    <message>
        <source>Voided label</source>
        <translation>無効な送り状</translation>
    </message>
    <message>
        <source>No tracking number</source>
        <translation>送り状番号なし</translation>
    </message>
    <message>
        <source>Database unavailable</source>
        <translation>データベース接続不可</translation>
    </message>
    <message>
        <source>Another order is open</source>
        <translation>別の注文が開いています</translation>
    </message>
    <message>
        <source>No card on this order</source>
        <translation>カードなしの注文</translation>
    </message>
    <message>
        <source>Lot not read</source>
        <translation>ロット未読取</translation>
    </message>
    <message>
        <source>Scan not read</source>
        <translation>読み取り失敗</translation>
    </message>
    <message>
        <source>Shop not set</source>
        <translation>店舗未設定</translation>
    </message>
    <message>
        <source>Wrong PIN</source>
        <translation>暗証番号の誤り</translation>
    </message>
    <message>
        <source>Badge locked</source>
        <translation>バッジのロック中</translation>
    </message>
    <message>
        <source>Supervisor needed</source>
        <translation>責任者が必要</translation>
    </message>
    <message>
        <source>Not a supervisor</source>
        <translation>責任者ではありません</translation>
    </message>
    <message>
        <source>Override waiting</source>
        <translation>責任者操作の途中</translation>
    </message>
    <message>
        <source>Wrong bin</source>
        <translation>棚違い</translation>
    </message>
    <message>
        <source>Not this product</source>
        <translation>商品違い</translation>
    </message>
    <message>
        <source>Wrong slot</source>
        <translation>スロット違い</translation>
    </message>
    <message>
        <source>Another pick is open</source>
        <translation>別のピッキング中</translation>
    </message>
    <message>
        <source>Short pick: count the bin</source>
        <translation>欠品：棚卸し要</translation>
    </message>
    <message>
        <source>Tote in use</source>
        <translation>使用中のトート</translation>
    </message>
    <message>
        <source>Tote first</source>
        <translation>先にトート</translation>
    </message>
    <message>
        <source>Nothing to pack in it</source>
        <translation>梱包待ちなし</translation>
    </message>
    <message>
        <source>Cart not scanned</source>
        <translation>カート未スキャン</translation>
    </message>
    <message>
        <source>Loaded already</source>
        <translation>積込済み</translation>
    </message>
    <message>
        <source>Wrong carrier</source>
        <translation>運送会社違い</translation>
    </message>
</context>
<context>
    <name>RecentScans</name>
    <message>
        <source>Time</source>
        <translation>時刻</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>コード</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>判定</translation>
    </message>
</context>
<context>
    <name>Refusal</name>
    <message>
        <source>Scan not read: scan again</source>
        <translation>読み取れませんでした: もう一度スキャン</translation>
    </message>
    <message>
        <source>Expired: set this unit aside</source>
        <translation>期限切れ: この商品は取り置き</translation>
    </message>
    <message>
        <source>Scanned {0}, but the order needs {1}. Take it out of the box.</source>
        <translation>スキャンしたのは {0}。注文の商品は {1} です。箱から取り出してください。</translation>
    </message>
    <message>
        <source>{0} is not on this order. Take it out of the box.</source>
        <translation>{0} はこの注文に含まれていません。箱から取り出してください。</translation>
    </message>
    <message>
        <source>{0}: all {1} ordered are in the box already. Take this one out.</source>
        <translation>{0}: 注文数 {1} 点はすべて箱に入っています。この1点を取り出してください。</translation>
    </message>
    <message>
        <source>This unit is lot {0}; the order has lot {1}. Take a unit of lot {1}.</source>
        <translation>この商品はロット {0}、注文の引当ロットは {1} です。ロット {1} の商品を取ってください。</translation>
    </message>
    <message>
        <source>The order has lot {0}. Take a unit of lot {0}.</source>
        <translation>注文の引当ロットは {0} です。ロット {0} の商品を取ってください。</translation>
    </message>
    <message>
        <source>Scan the GS1 code with the lot on this unit (the order has lot {0}).</source>
        <translation>この商品のロット入り GS1 コードをスキャンしてください(引当ロット {0})。</translation>
    </message>
    <message>
        <source>Use by {0}: this order needs {1} days or more left. Take another unit.</source>
        <translation>期限 {0}: この注文には残り {1} 日以上が必要です。別の商品を取ってください。</translation>
    </message>
    <message>
        <source>Use by {0}: past. Take another unit.</source>
        <translation>期限 {0}: 期限切れです。別の商品を取ってください。</translation>
    </message>
    <message>
        <source>Still missing: {0}. Scan them, then COMPLETE.</source>
        <translation>不足: {0}。スキャンしてから「梱包完了」をスキャンしてください。</translation>
    </message>
    <message>
        <source>This is the label of order {0}, not of the box in front of you.</source>
        <translation>これは注文 {0} の送り状です。目の前の箱の送り状ではありません。</translation>
    </message>
    <message>
        <source>This label of order {0} was voided and replaced. Use the new label.</source>
        <translation>注文 {0} のこの送り状は無効になり、差し替えられました。新しい送り状を使ってください。</translation>
    </message>
    <message>
        <source>{0} is being picked at station {1}. Scan another wave.</source>
        <translation>{0} はステーション {1} でピッキング中です。別のウェーブをスキャンしてください。</translation>
    </message>
    <message>
        <source>Order {0} is open at station {1}. Finish it or leave it for later there.</source>
        <translation>注文 {0} はステーション {1} で開いています。そちらで完了するか中断してください。</translation>
    </message>
    <message>
        <source>{0} is still open: scan COMPLETE, or LEAVE FOR LATER, first.</source>
        <translation>{0} がまだ開いています。先に「梱包完了」か「梱包中断」をスキャンしてください。</translation>
    </message>
    <message>
        <source>Order {0} has no gift message: no card goes in the box.</source>
        <translation>注文 {0} にはギフトメッセージがありません。カードは入れません。</translation>
    </message>
    <message>
        <source>Order {0}&apos;s label was never scanned back at the pack bench. Take the parcel back to packing.</source>
        <translation>注文 {0} の送り状は梱包場で照合されていません。荷物を梱包場へ戻してください。</translation>
    </message>
    <message>
        <source>Order {0}&apos;s parcel was loaded at {1} already. Do not load it twice.</source>
        <translation>注文 {0} の荷物は {1} で積込済みです。二重に積まないでください。</translation>
    </message>
    <message>
        <source>Order {0}&apos;s parcel has left on a closed manifest. Set it aside.</source>
        <translation>注文 {0} の荷物は締め済みの出荷明細で出荷されています。別に取り置いてください。</translation>
    </message>
    <message>
        <source>This parcel goes with {0}; this is {1}&apos;s truck. Put it with {0}.</source>
        <translation>この荷物は {0} の便です。これは {1} のトラックです。{0} の所へ置いてください。</translation>
    </message>
    <message>
        <source>The label of order {0} is not scanned back yet. Scan it first.</source>
        <translation>注文 {0} の送り状がまだスキャンされていません。先にスキャンしてください。</translation>
    </message>
    <message>
        <source>{0} cannot be picked now: released, already picked or not allocated.</source>
        <translation>{0} は今ピッキングできません（解除済み・ピッキング済み・未引当のいずれかです）。</translation>
    </message>
    <message>
        <source>Order {0} is not picked yet: this shop packs picked orders only. Have it picked by scan first.</source>
        <translation>注文 {0} はまだピッキングされていません。このショップはピッキング済みの注文だけを梱包します。先にスキャンでピッキングしてください。</translation>
    </message>
    <message>
        <source>Order {0} is still being picked: pack it once its pick is done.</source>
        <translation>注文 {0} はピッキング中です。ピッキングが終わってから梱包してください。</translation>
    </message>
    <message>
        <source>Order {0} cannot be packed: not allocated, on hold, cancelled or already packed.</source>
        <translation>注文 {0} は梱包できません(未引当、保留、キャンセル、または梱包済み)。</translation>
    </message>
    <message>
        <source>No tracking number left for {0}: the pack stays open. Ask a supervisor to add numbers, then scan COMPLETE again.</source>
        <translation>{0} の送り状番号が残っていません。梱包は開いたままです。管理者に番号の追加を頼み、もう一度「梱包完了」をスキャンしてください。</translation>
    </message>
    <message>
        <source>The label&apos;s sender is not set ({0}): the pack stays open. Ask an admin to set it on the Shop settings page (or kenpin settings set), then scan COMPLETE again.</source>
        <translation>送り状のご依頼主が未設定です（{0}）。梱包は開いたままです。管理者に「店舗設定」画面（または kenpin settings set）で設定してもらい、もう一度 COMPLETE をスキャンしてください。</translation>
    </message>
    <message>
        <source>{0} short by {1} at bin {2}: have bin {2} counted.</source>
        <translation>棚 {2} で {0} が {1} 個不足しました。棚 {2} の棚卸しを手配してください。</translation>
    </message>
    <message>
        <source>{0} is not the bin: go to bin {1} and scan its label.</source>
        <translation>{0} は違う棚です。棚 {1} へ行き、棚ラベルをスキャンしてください。</translation>
    </message>
    <message>
        <source>Scan bin {0}&apos;s label first, then the units.</source>
        <translation>先に棚 {0} のラベルをスキャンし、それから商品をスキャンしてください。</translation>
    </message>
    <message>
        <source>Scanned {0}, but this instruction is {1}. Put it back, take {1}.</source>
        <translation>スキャンしたのは {0}。指示の商品は {1} です。棚に戻し、{1} を取ってください。</translation>
    </message>
    <message>
        <source>{0} goes onto a cart: each unit into its order&apos;s slot, no tote.</source>
        <translation>{0} はカートでピッキングします。トートは使わず、商品は注文ごとのスロットに入れてください。</translation>
    </message>
    <message>
        <source>Order {0}&apos;s units go in {1}: keep picking into it.</source>
        <translation>注文 {0} の商品は {1} に入れています。そのトートに入れ続けてください。</translation>
    </message>
    <message>
        <source>The unit is for order {0}: put it in slot {1} and scan that slot&apos;s label.</source>
        <translation>この商品は注文 {0} のものです。スロット {1} に入れ、そのスロットのラベルをスキャンしてください。</translation>
    </message>
    <message>
        <source>{0} is still being picked here: finish it before another.</source>
        <translation>{0} をまだここでピッキング中です。終えてから別のものを始めてください。</translation>
    </message>
    <message>
        <source>Wrong PIN for {0}: too many wrong PINs, the badge is locked until {1}.</source>
        <translation>{0} さんの暗証番号が違います。誤りが多すぎるため、バッジは {1} までロックされます。</translation>
    </message>
    <message>
        <source>Wrong PIN for {0}: nobody signed in. Scan the badge and try again.</source>
        <translation>{0} さんの暗証番号が違います。ログインしていません。バッジをスキャンしてもう一度お試しください。</translation>
    </message>
    <message>
        <source>{0}&apos;s badge is locked after too many wrong PINs until {1}; the right PIN too is refused until then.</source>
        <translation>暗証番号の誤りが多すぎるため、{0} さんのバッジは {1} までロックされています。それまでは正しい暗証番号でもログインできません。</translation>
    </message>
    <message>
        <source>{0} wrong scans in a row: the station is locked. A supervisor scans their badge here (with the PIN), then you carry on.</source>
        <translation>誤スキャンが {0} 回続いたため、ステーションをロックしました。責任者がここでバッジ（と暗証番号）をスキャンすると、作業を続けられます。</translation>
    </message>
    <message>
        <source>{0} is not a supervisor: a supervisor must scan their own badge.</source>
        <translation>{0} さんは責任者ではありません。責任者本人のバッジをスキャンしてください。</translation>
    </message>
    <message>
        <source>{0}: {1} CANCEL goes back.</source>
        <translation>{0}: {1}「梱包中断」で戻ります。</translation>
    </message>
    <message>
        <source>{0} holds order {1}: take an empty tote and scan its label.</source>
        <translation>{0} には注文 {1} が入っています。空のトートを取り、ラベルをスキャンしてください。</translation>
    </message>
    <message>
        <source>Order {0} goes into a tote: scan an empty tote&apos;s label (TOTE-…) first.</source>
        <translation>注文 {0} はトートに入れます。先に空のトートのラベル（TOTE-…）をスキャンしてください。</translation>
    </message>
    <message>
        <source>{0} of cart {1} holds no order: scan the order number instead.</source>
        <translation>カート {1} の {0} に注文はありません。注文番号をスキャンしてください。</translation>
    </message>
    <message>
        <source>{0} holds no order to pack (its order is packed, or was never picked into it): scan the order number instead.</source>
        <translation>{0} に梱包待ちの注文はありません（梱包済み、またはこのトートにピッキングされていません）。注文番号をスキャンしてください。</translation>
    </message>
</context>
<context>
    <name>ReportsController</name>
    <message>
        <source>The first day is after the last day.</source>
        <translation>開始日が終了日より後になっています。</translation>
    </message>
    <message>
        <source>Could not save the chart to {0}.</source>
        <translation>グラフを {0} に保存できませんでした。</translation>
    </message>
    <message>
        <source>Chart saved to {0}.</source>
        <translation>グラフを {0} に保存しました。</translation>
    </message>
    <message>
        <source>Report saved to {0}.</source>
        <translation>レポートを {0} に保存しました。</translation>
    </message>
    <message>
        <source>Reading the report…</source>
        <translation>レポートを読み込み中…</translation>
    </message>
    <message>
        <source>{0} to {1}: {2:,} packs, {3:,} units, {4:,} refused product scans</source>
        <translation>{0}～{1}：梱包 {2:,} 件、{3:,} 点、商品スキャンの拒否 {4:,} 回</translation>
    </message>
    <message>
        <source>Could not read the report: {0}</source>
        <translation>レポートを読み込めませんでした：{0}</translation>
    </message>
    <message>
        <source>Save the report as CSV</source>
        <translation>レポートを CSV で保存</translation>
    </message>
    <message>
        <source>Save the report as PDF</source>
        <translation>レポートを PDF で保存</translation>
    </message>
    <message>
        <source>Save the charts as PNG</source>
        <translation>グラフを PNG で保存</translation>
    </message>
    <message>
        <source>everyone</source>
        <translation>全員</translation>
    </message>
    <message>
        <source>Packer</source>
        <translation>梱包担当者</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>梱包台</translation>
    </message>
    <message>
        <source>Packs</source>
        <translation>梱包数</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>点数</translation>
    </message>
    <message>
        <source>Product scans</source>
        <translation>商品スキャン</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>拒否</translation>
    </message>
    <message>
        <source>Error rate</source>
        <translation>エラー率</translation>
    </message>
    <message>
        <source>Active hours</source>
        <translation>稼働時間</translation>
    </message>
    <message>
        <source>Orders / hour</source>
        <translation>件数／時間</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>正しい商品</translation>
    </message>
    <message>
        <source>Expected product</source>
        <translation>正しい商品名</translation>
    </message>
    <message>
        <source>Scanned</source>
        <translation>読んだ商品</translation>
    </message>
    <message>
        <source>Scanned product</source>
        <translation>読んだ商品名</translation>
    </message>
    <message>
        <source>Times</source>
        <translation>回数</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Packers</source>
        <translation>担当者別</translation>
    </message>
    <message>
        <source>Stations</source>
        <translation>梱包台別</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>表示</translation>
    </message>
    <message>
        <source>Save table as CSV…</source>
        <translation>表を CSV で保存…</translation>
    </message>
    <message>
        <source>Save table as PDF…</source>
        <translation>表を PDF で保存…</translation>
    </message>
    <message>
        <source>Save chart as PNG…</source>
        <translation>グラフを PNG で保存…</translation>
    </message>
    <message>
        <source>Error rate per day</source>
        <translation>日別エラー率</translation>
    </message>
    <message>
        <source>Orders per hour per day</source>
        <translation>日別 時間当たり件数</translation>
    </message>
    <message>
        <source>Most confused products (expected → scanned)</source>
        <translation>取り違えの多い商品（正しい商品 → 読んだ商品）</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>レポート</translation>
    </message>
    <message>
        <source>From</source>
        <translation>期間</translation>
    </message>
    <message>
        <source>to</source>
        <translation>～</translation>
    </message>
</context>
<context>
    <name>ScannerTest</name>
    <message>
        <source>Read as a scan</source>
        <translation>スキャンとして読み取りました</translation>
    </message>
    <message>
        <source>Not read: scan again</source>
        <translation>読み取れませんでした：もう一度スキャンしてください</translation>
    </message>
    <message>
        <source>Typing, not a scan</source>
        <translation>キー入力（スキャンではありません）</translation>
    </message>
    <message>
        <source>Scan</source>
        <translation>スキャン</translation>
    </message>
    <message>
        <source>Not read</source>
        <translation>読取不可</translation>
    </message>
    <message>
        <source>Typing</source>
        <translation>キー入力</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>Tab</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>Enter or Tab</source>
        <translation>Enter または Tab</translation>
    </message>
    <message>
        <source>Gap too long before the terminator: {0} ms (the gap is {1} ms).</source>
        <translation>終端キーの前の間隔が長すぎます：{0} ms（設定は {1} ms）。</translation>
    </message>
    <message>
        <source>Gap too long at key {0}: {1} ms (the gap is {2} ms).</source>
        <translation>{0} 番目のキーの前の間隔が長すぎます：{1} ms（設定は {2} ms）。</translation>
    </message>
    <message>
        <source>Too short: {0} characters (the minimum is {1}).</source>
        <translation>短すぎます：{0} 文字（最小は {1} 文字）。</translation>
    </message>
    <message>
        <source>Ended by {0}, but this station&apos;s terminator is {1}.</source>
        <translation>{0} で終わりましたが、このステーションの終端キーは {1} です。</translation>
    </message>
    <message>
        <source>No Enter or Tab came at the end.</source>
        <translation>最後に Enter も Tab も来ませんでした。</translation>
    </message>
    <message>
        <source>{0} keys · ended by {1} · AIM prefix: {2}</source>
        <translation>{0} キー · 終端：{1} · AIM 識別子：{2}</translation>
    </message>
    <message>
        <source>Gaps between keys (ms): {0}</source>
        <translation>キーの間隔（ms）：{0}</translation>
    </message>
    <message>
        <source>Badge</source>
        <translation>社員証</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>注文</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Bin location</source>
        <translation>棚番</translation>
    </message>
    <message>
        <source>Shipping label</source>
        <translation>送り状</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>コマンド</translation>
    </message>
    <message>
        <source>Unknown code</source>
        <translation>不明なコード</translation>
    </message>
    <message>
        <source>Product code no product has</source>
        <translation>どの商品にも登録されていない商品コード</translation>
    </message>
    <message>
        <source>lot {0}</source>
        <translation>ロット {0}</translation>
    </message>
    <message>
        <source>expiry {0}</source>
        <translation>期限 {0}</translation>
    </message>
</context>
<context>
    <name>ScannerTestController</name>
    <message>
        <source>Set by {0}: saving here does not change it.</source>
        <extracomment>A burst was shown, and (second) what its code is once classified; tests wait for them. The settings in force were put in the fields (at start, after a save). The station&apos;s scanners, as the pack station is to start them: turned aside here. The settings shown in the fields; None until they were read. Bursts shown so far: a classification coming back finds its row by its number.</extracomment>
        <translation>{0} で設定されています：ここで保存しても変わりません。</translation>
    </message>
    <message>
        <source>Saved. {0} reads its scans with these settings from now on.</source>
        <translation>保存しました。{0} はこれからこの設定でスキャンを読み取ります。</translation>
    </message>
    <message>
        <source>serial scanner: no key timings</source>
        <translation>シリアルスキャナー：キー間隔なし</translation>
    </message>
</context>
<context>
    <name>ScannerTestPage</name>
    <message>
        <source>Scan a few barcodes with the scanner. Scans made on this page do not go to the pack station.</source>
        <extracomment>The bursts table&apos;s columns. Bursts kept in the table, newest first. The page came into view (scans stop going to the pack station) or left it.</extracomment>
        <translation>スキャナーでバーコードをいくつか読み取ってください。このページでのスキャンは梱包作業に送られません。</translation>
    </message>
    <message>
        <source>Waiting for a scan…</source>
        <translation>スキャンを待っています…</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>Tab</translation>
    </message>
    <message>
        <source>Enter or Tab</source>
        <translation>Enter または Tab</translation>
    </message>
    <message>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>Save for {0}</source>
        <extracomment>Under each setting: the environment variable that overrides it, when one does.</extracomment>
        <translation>{0} に保存</translation>
    </message>
    <message>
        <source>Scanner settings of {0}</source>
        <translation>{0} のスキャナー設定</translation>
    </message>
    <message>
        <source>Longest gap between keys</source>
        <translation>キー間隔の上限</translation>
    </message>
    <message>
        <source>Minimum length</source>
        <translation>最小文字数</translation>
    </message>
    <message>
        <source>Terminator</source>
        <translation>終端キー</translation>
    </message>
    <message>
        <source>GS1 separator stand-in</source>
        <translation>GS1 区切り文字の代替</translation>
    </message>
    <message>
        <source>Read as</source>
        <translation>判定</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>コード</translation>
    </message>
    <message>
        <source>What it is</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>キー数</translation>
    </message>
    <message>
        <source>Gaps (ms)</source>
        <translation>間隔（ms）</translation>
    </message>
    <message>
        <source>End</source>
        <translation>終端</translation>
    </message>
    <message>
        <source>AIM</source>
        <translation>AIM</translation>
    </message>
</context>
<context>
    <name>ShopSettings</name>
    <message>
        <source>an http(s) link with {n} for the number; empty: the carrier&apos;s tracking page</source>
        <translation>http(s) のリンクで、番号の位置に {n}。空欄: 運送会社の追跡ページ</translation>
    </message>
    <message>
        <source>Shop name (ご依頼主)</source>
        <extracomment>Each key&apos;s caption and rule, as the page shows them.</extracomment>
        <translation>店舗名（ご依頼主）</translation>
    </message>
    <message>
        <source>1 to 32 characters; required</source>
        <translation>1〜32文字・必須</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>郵便番号</translation>
    </message>
    <message>
        <source>7 digits: 123-4567, 1234567 or 〒123-4567; required</source>
        <translation>7桁：123-4567、1234567、〒123-4567 のいずれか・必須</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>住所</translation>
    </message>
    <message>
        <source>1 to 80 characters; required</source>
        <translation>1〜80文字・必須</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>電話番号</translation>
    </message>
    <message>
        <source>10 or 11 digits starting with 0, hyphens between groups (03-1234-5678); required</source>
        <translation>0で始まる10桁または11桁、区切りにハイフン可（03-1234-5678）・必須</translation>
    </message>
    <message>
        <source>Yamato customer code (請求先顧客コード)</source>
        <translation>ヤマト運輸 請求先顧客コード</translation>
    </message>
    <message>
        <source>10 digits, or 12 with the 2-digit branch number (0123456789-01)</source>
        <translation>10桁、または2桁の枝番を付けた12桁（0123456789-01）</translation>
    </message>
    <message>
        <source>Yamato freight code (運賃管理番号)</source>
        <translation>ヤマト運輸 運賃管理番号</translation>
    </message>
    <message>
        <source>2 digits (usually 01)</source>
        <translation>2桁（通常は 01）</translation>
    </message>
    <message>
        <source>Sagawa customer code (お客様コード)</source>
        <translation>佐川急便 お客様コード</translation>
    </message>
    <message>
        <source>12 digits</source>
        <translation>12桁</translation>
    </message>
    <message>
        <source>Japan Post customer code (お客様コード)</source>
        <translation>日本郵便 お客様コード</translation>
    </message>
    <message>
        <source>1 to 20 letters, digits and hyphens</source>
        <translation>英数字とハイフンで1〜20文字</translation>
    </message>
    <message>
        <source>Pack only picked orders</source>
        <translation>ピッキング済みの注文だけを梱包</translation>
    </message>
    <message>
        <source>yes: an order is packed only after it was picked by scan; no (or empty): an allocated order may be packed straight away</source>
        <translation>yes: スキャンでピッキングした注文だけを梱包します。no（または空）: 引当済みの注文をそのまま梱包できます</translation>
    </message>
    <message>
        <source>Yamato B2クラウド 送り状種類 per service</source>
        <translation>ヤマト運輸 B2クラウド 送り状種類（サービスごと）</translation>
    </message>
    <message>
        <source>SERVICE=CODE, comma-separated, codes 0-9 or A; empty: 宅急便=0,宅急便コンパクト=8,ネコポス=A,クロネコゆうパケット=7</source>
        <translation>サービス=コード をカンマ区切りで。コードは 0〜9 または A。空欄: 宅急便=0,宅急便コンパクト=8,ネコポス=A,クロネコゆうパケット=7</translation>
    </message>
    <message>
        <source>Sagawa e飛伝Ⅲ 配達日 format</source>
        <translation>佐川急便 e飛伝Ⅲ 配達日の書式</translation>
    </message>
    <message>
        <source>YYYYMMDD, YYYY/MM/DD or YYYY-MM-DD; empty: YYYYMMDD</source>
        <translation>YYYYMMDD、YYYY/MM/DD または YYYY-MM-DD。空欄: YYYYMMDD</translation>
    </message>
    <message>
        <source>Japan Post upload file</source>
        <translation>日本郵便の取込ファイル</translation>
    </message>
    <message>
        <source>yupri (ゆうプリR) or clickpost (クリックポスト); empty: yupri</source>
        <translation>yupri（ゆうプリR）または clickpost（クリックポスト）。空欄: yupri</translation>
    </message>
    <message>
        <source>ゆうプリR layout: which column holds what</source>
        <translation>ゆうプリR のレイアウト（どの列に何を書くか）</translation>
    </message>
    <message>
        <source>COLUMN=FIELD, comma-separated (1=order_number,2=ship_date,...); empty: the common columns</source>
        <translation>列番号=項目 をカンマ区切りで（1=order_number,2=ship_date,...）。空欄: 共通の列</translation>
    </message>
    <message>
        <source>ゆうプリR layout&apos;s number of columns</source>
        <translation>ゆうプリR レイアウトの列数</translation>
    </message>
    <message>
        <source>1 to 200; empty: 69</source>
        <translation>1〜200。空欄: 69</translation>
    </message>
    <message>
        <source>品名 on carrier files</source>
        <translation>運送会社ファイルの品名</translation>
    </message>
    <message>
        <source>at most 15 全角, Shift_JIS; empty: the first item&apos;s name</source>
        <translation>全角15文字以内、Shift_JIS。空欄: 最初の商品名</translation>
    </message>
    <message>
        <source>Amazon carrier-code and carrier-name</source>
        <translation>Amazon の配送業者コードと配送業者名</translation>
    </message>
    <message>
        <source>CARRIER=CODE:NAME, comma-separated (yamato=Other:ヤマト運輸); empty: Other and the carrier&apos;s Japanese name</source>
        <translation>運送会社=コード:名前 をカンマ区切りで（yamato=Other:ヤマト運輸）。空欄: Other と運送会社名</translation>
    </message>
    <message>
        <source>Yamato tracking link</source>
        <translation>ヤマト運輸 追跡リンク</translation>
    </message>
    <message>
        <source>Sagawa tracking link</source>
        <translation>佐川急便 追跡リンク</translation>
    </message>
    <message>
        <source>Japan Post tracking link</source>
        <translation>日本郵便 追跡リンク</translation>
    </message>
    <message>
        <source>E-mail: SMTP server</source>
        <translation>メール: SMTP サーバー</translation>
    </message>
    <message>
        <source>a host name (smtp.example.jp); empty: no shipment e-mails</source>
        <translation>ホスト名 (smtp.example.jp)。空欄: 発送完了メールを送らない</translation>
    </message>
    <message>
        <source>E-mail: SMTP port</source>
        <translation>メール: SMTP ポート</translation>
    </message>
    <message>
        <source>1 to 65535; empty: 465 with tls, else 587</source>
        <translation>1〜65535。空欄: tls なら 465、それ以外は 587</translation>
    </message>
    <message>
        <source>E-mail: encryption</source>
        <translation>メール: 暗号化</translation>
    </message>
    <message>
        <source>none, starttls or tls; empty: starttls</source>
        <translation>none、starttls または tls。空欄: starttls</translation>
    </message>
    <message>
        <source>E-mail: SMTP user</source>
        <translation>メール: SMTP ユーザー</translation>
    </message>
    <message>
        <source>no spaces; empty: no login. The password is never stored here: KENPIN_SMTP_PASSWORD or the OS keyring (kenpin notify password)</source>
        <translation>空白なし。空欄: ログインしない。パスワードはここには保存しません: KENPIN_SMTP_PASSWORD または OS のキーリング (kenpin notify password)</translation>
    </message>
    <message>
        <source>E-mail: sender</source>
        <translation>メール: 差出人</translation>
    </message>
    <message>
        <source>an e-mail address, maybe with a name: 検品ストア &lt;shop@example.jp&gt;</source>
        <translation>メールアドレス（名前付きも可）: 検品ストア &lt;shop@example.jp&gt;</translation>
    </message>
    <message>
        <source>E-mail: language</source>
        <translation>メール: 言語</translation>
    </message>
    <message>
        <source>ja or en; empty: ja</source>
        <translation>ja または en。空欄: ja</translation>
    </message>
    <message>
        <source>E-mail when a manifest closes</source>
        <translation>出荷締め時にメール送信</translation>
    </message>
    <message>
        <source>yes: the shipment e-mails go out when a carrier&apos;s manifest closes; empty: yes once the SMTP server is set</source>
        <translation>yes: 運送会社の出荷締め（マニフェスト確定）時に発送完了メールを送る。空欄: SMTP サーバー設定済みなら yes</translation>
    </message>
    <message>
        <source>{0} may not be empty: labels print it. Nothing was saved.</source>
        <translation>{0}は空にできません（送り状に印字されます）。何も保存していません。</translation>
    </message>
    <message>
        <source>{0} holds a control character. Nothing was saved.</source>
        <translation>{0}に制御文字が含まれています。何も保存していません。</translation>
    </message>
    <message>
        <source>{0}: “{1}” does not follow the rule: {2}. Nothing was saved.</source>
        <translation>{0}：「{1}」は規則に合いません：{2}。何も保存していません。</translation>
    </message>
    <message>
        <source>Set by {0} on this PC (deprecated): it wins over what is saved here. Remove the variable to use the saved value.</source>
        <translation>このPCでは {0} で設定されています（非推奨）。ここで保存した値より優先されます。保存した値を使うには、この環境変数を削除してください。</translation>
    </message>
    <message>
        <source>Labels are not issued until these are set: {0}. Packers are refused at COMPLETE.</source>
        <translation>次の項目を設定するまで送り状は発行されません：{0}。梱包担当者の COMPLETE は拒否されます。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>ShopSettingsController</name>
    <message>
        <source>Nothing to save: no field was changed.</source>
        <extracomment>The fields show the settings as stored (at start, after a save); tests wait for it. A save was refused (or failed): its words are under the Save button. The settings as last read; Save stores only the fields that differ from them.</extracomment>
        <translation>保存する変更はありません。</translation>
    </message>
    <message>
        <source>Save the shop settings: an admin&apos;s badge and PIN.</source>
        <translation>店舗設定を保存します。管理者のバッジと暗証番号を入力してください。</translation>
    </message>
    <message>
        <source>Not saved: no badge and PIN were given.</source>
        <translation>保存していません：バッジと暗証番号が入力されませんでした。</translation>
    </message>
    <message>
        <source>Saved: {0}. Every station uses it now.</source>
        <translation>保存しました：{0}。すべてのステーションで今から使われます。</translation>
    </message>
    <message>
        <source>Not saved: {0}</source>
        <translation>保存していません：{0}</translation>
    </message>
</context>
<context>
    <name>ShopSettingsPage</name>
    <message>
        <source>Shared by every station: the labels and packing slips print the shop from here. Save checks every field against its rule.</source>
        <extracomment>Shown in the first box: the label&apos;s sender; the rest are the carriers&apos; accounts.</extracomment>
        <translation>すべてのステーションで共通です。送り状と納品書の店舗情報はここから印字されます。保存時に各項目を規則で確認します。</translation>
    </message>
    <message>
        <source>Save</source>
        <extracomment>One field per key, and under it the environment variable that overrides it.</extracomment>
        <translation>保存</translation>
    </message>
    <message>
        <source>Sender on labels and packing slips</source>
        <translation>送り状・納品書のご依頼主</translation>
    </message>
    <message>
        <source>Carrier accounts</source>
        <translation>運送会社のお客様番号</translation>
    </message>
</context>
<context>
    <name>Station</name>
    <message>
        <source>Unexpected error: {0}: {1}. The details are in the log.</source>
        <extracomment>UI fonts with Japanese glyphs, best first (Linux, Windows, macOS). Large enough to read at arm&apos;s length from the bench.</extracomment>
        <translation>予期しないエラー: {0}: {1}。詳細はログにあります。</translation>
    </message>
</context>
<context>
    <name>StationsController</name>
    <message>
        <source>No (packs complete without labels)</source>
        <translation>いいえ（送り状なしで梱包完了）</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（なし）</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>はい</translation>
    </message>
    <message>
        <source>Nothing to save: station {0} is already set so.</source>
        <translation>保存する変更はありません。ステーション {0} はすでにこの設定です。</translation>
    </message>
    <message>
        <source>printer</source>
        <translation>プリンター</translation>
    </message>
    <message>
        <source>labels</source>
        <translation>送り状</translation>
    </message>
    <message>
        <source>lock-out</source>
        <translation>エラー停止</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Station {0} saved: {1}.</source>
        <translation>ステーション {0} を保存しました：{1}。</translation>
    </message>
</context>
<context>
    <name>StationsPage</name>
    <message>
        <source>Station</source>
        <extracomment>The printer URIs a station may name, as the field&apos;s placeholder shows them.</extracomment>
        <translation>ステーション</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>プリンター</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>送り状</translation>
    </message>
    <message>
        <source>Lock-out</source>
        <translation>エラー停止</translation>
    </message>
    <message>
        <source>Scanner</source>
        <translation>スキャナー</translation>
    </message>
    <message>
        <source>Prints shipping labels</source>
        <translation>送り状を印刷する</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>なし</translation>
    </message>
    <message>
        <source> refused scans in a row</source>
        <translation> 回続けて拒否で停止</translation>
    </message>
    <message>
        <source>Save station</source>
        <translation>ステーションを保存</translation>
    </message>
    <message>
        <source>The selected station</source>
        <translation>選択したステーション</translation>
    </message>
    <message>
        <source>Printer URI</source>
        <translation>プリンター URI</translation>
    </message>
    <message>
        <source>Lock-out after</source>
        <translation>エラー停止</translation>
    </message>
    <message>
        <source>Lock-out: after this many refused product scans in a row within one pack, the station waits for a supervisor (Off: never). An empty printer leaves the station without one. Scanner settings are set on the Scanner test page.</source>
        <translation>エラー停止：1 件の梱包中に商品スキャンがこの回数続けて拒否されると、責任者が来るまでステーションは止まります（なし：止まりません）。プリンターを空にするとプリンターなしになります。スキャナーの設定はスキャナーテスト画面で行います。</translation>
    </message>
</context>
<context>
    <name>StockController</name>
    <message>
        <source>Rows: {0} · read at {1}</source>
        <translation>{0} 行 · {1} に読み込み</translation>
    </message>
    <message>
        <source>Could not read the stock: {0}</source>
        <translation>在庫を読み込めませんでした: {0}</translation>
    </message>
    <message>
        <source>Ledger of {0}, oldest first</source>
        <translation>{0} の在庫履歴(古い順)</translation>
    </message>
    <message>
        <source>{0} rows written to {1}</source>
        <translation>{0} 行を {1} に書き出しました</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>CSV 書き出し</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV ファイル (*.csv)</translation>
    </message>
</context>
<context>
    <name>StockPage</name>
    <message>
        <source>Stock</source>
        <translation>在庫</translation>
    </message>
    <message>
        <source>Low stock</source>
        <translation>在庫僅少</translation>
    </message>
    <message>
        <source>Backorders</source>
        <translation>欠品待ち</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Bin</source>
        <translation>棚番</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Read the stock again (F5)</source>
        <translation>在庫を読み込み直す (F5)</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV 書き出し…</translation>
    </message>
    <message>
        <source>Write the rows of the table to a CSV file</source>
        <translation>表の行を CSV ファイルに書き出す</translation>
    </message>
    <message>
        <source>Select a product to see its ledger.</source>
        <translation>商品を選ぶと在庫履歴が表示されます。</translation>
    </message>
</context>
<context>
    <name>StockViewModel</name>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>商品名</translation>
    </message>
    <message>
        <source>Bin</source>
        <translation>棚番</translation>
    </message>
    <message>
        <source>Lot</source>
        <translation>ロット</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>賞味期限</translation>
    </message>
    <message>
        <source>On hand</source>
        <translation>在庫数</translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation>引当済</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>引当可能</translation>
    </message>
    <message>
        <source>Reorder point</source>
        <translation>発注点</translation>
    </message>
    <message>
        <source>Backordered</source>
        <translation>欠品待ち数</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>注文数</translation>
    </message>
    <message>
        <source>At</source>
        <translation>日時</translation>
    </message>
    <message>
        <source>On hand ±</source>
        <translation>在庫数 ±</translation>
    </message>
    <message>
        <source>Reserved ±</source>
        <translation>引当 ±</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>参照</translation>
    </message>
    <message>
        <source>User</source>
        <translation>担当者</translation>
    </message>
    <message>
        <source>available</source>
        <translation>引当可能</translation>
    </message>
    <message>
        <source>quarantine</source>
        <translation>隔離</translation>
    </message>
</context>
<context>
    <name>TrackingController</name>
    <message>
        <source>Numbers left: {0}</source>
        <translation>残りの送り状番号：{0}</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>{0}: block {1} to {2} added.</source>
        <translation>{0}：{1}～{2} の番号帯を追加しました。</translation>
    </message>
</context>
<context>
    <name>TrackingPage</name>
    <message>
        <source>Carrier</source>
        <translation>配送業者</translation>
    </message>
    <message>
        <source>First</source>
        <translation>開始番号</translation>
    </message>
    <message>
        <source>Last</source>
        <translation>終了番号</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>残り</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>登録日</translation>
    </message>
    <message>
        <source>Add block</source>
        <translation>番号帯を追加</translation>
    </message>
    <message>
        <source>Add a block the carrier issued</source>
        <translation>配送業者から払い出された番号帯を追加</translation>
    </message>
    <message>
        <source>First number</source>
        <translation>開始番号</translation>
    </message>
    <message>
        <source>Last number</source>
        <translation>終了番号</translation>
    </message>
    <message>
        <source>Numbers without their check digit, as the carrier&apos;s sheet gives them. A block that shares a number with one already added is refused.</source>
        <translation>チェックデジットを除いた番号を、配送業者の案内どおりに入力してください。登録済みの番号帯と重なる番号帯は受け付けません。</translation>
    </message>
</context>
<context>
    <name>TruckCard</name>
    <message>
        <source>Loaded / on the manifest</source>
        <extracomment>From this width on the recent scans stand beside the truck&apos;s card.</extracomment>
        <translation>積込済 / 出荷明細</translation>
    </message>
    <message>
        <source>No truck being loaded</source>
        <translation>積み込み中のトラックはありません</translation>
    </message>
    <message>
        <source>{0}&apos;s truck</source>
        <translation>{0} のトラック</translation>
    </message>
    <message>
        <source>Last loaded: {0} · {1}</source>
        <translation>最後の積込: {0} · {1}</translation>
    </message>
</context>
<context>
    <name>TypedEntry</name>
    <message>
        <source>Type the barcode, then Enter (Esc closes):</source>
        <extracomment>A code was typed and Enter pressed. The field closed (Esc, or after Enter): focus goes back to the page.</extracomment>
        <translation>バーコードを入力して Enter (Esc で閉じる):</translation>
    </message>
</context>
<context>
    <name>UsersController</name>
    <message>
        <source>{0} reactivated: their badge signs in again.</source>
        <translation>{0} さんを再び有効にしました。バッジでログインできます。</translation>
    </message>
    <message>
        <source>{0} deactivated: their badge no longer signs in.</source>
        <translation>{0} さんを無効にしました。バッジではログインできなくなりました。</translation>
    </message>
    <message>
        <source>{0} has a new PIN.</source>
        <translation>{0} さんの暗証番号を変更しました。</translation>
    </message>
    <message>
        <source>{0} added as {1}.</source>
        <translation>{0} さんを{1}として追加しました。</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>役割</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>有効</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>無効にする</translation>
    </message>
    <message>
        <source>Reactivate</source>
        <translation>有効に戻す</translation>
    </message>
    <message>
        <source>new PIN</source>
        <translation>新しい暗証番号</translation>
    </message>
    <message>
        <source>Set new PIN</source>
        <translation>暗証番号を変更</translation>
    </message>
    <message>
        <source>Add user</source>
        <translation>ユーザーを追加</translation>
    </message>
    <message>
        <source>A deactivated user&apos;s badge no longer signs in, at once, at every station. Packers have no PIN.</source>
        <translation>無効にしたユーザーのバッジは、すぐにすべてのステーションでログインできなくなります。梱包担当者には暗証番号はありません。</translation>
    </message>
    <message>
        <source>Add a user</source>
        <translation>ユーザーを追加</translation>
    </message>
    <message>
        <source>Badge</source>
        <translation>バッジ</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>暗証番号</translation>
    </message>
    <message>
        <source>Scan or type the badge: it is never shown again. Supervisors and admins need a PIN of {0} to {1} digits.</source>
        <translation>バッジをスキャンまたは入力してください（あとから表示されることはありません）。責任者と管理者には {0}～{1} 桁の暗証番号が必要です。</translation>
    </message>
</context>
<context>
    <name>Verdict</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>受付不可</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>お知らせ</translation>
    </message>
    <message>
        <source>Scanned: {0}</source>
        <extracomment>The code a refusal was about, shown under the sentence. The station&apos;s own note on the verdict (English, for a supervisor), shown on hover. The banner&apos;s colour of each verdict (a note may make it `completed`).</extracomment>
        <translation>スキャン: {0}</translation>
    </message>
    <message>
        <source>Noted</source>
        <extracomment>Notes about the order open at the station (before the scan, or after it).</extracomment>
        <translation>受け付けました</translation>
    </message>
</context>
<context>
    <name>VerdictBanner</name>
    <message>
        <source>scan {0}</source>
        <extracomment>How long a new verdict&apos;s banner flashes. The banner&apos;s level while scans wait for the database (no verdict yet).</extracomment>
        <translation>スキャン {0}</translation>
    </message>
</context>
<context>
    <name>WavesController</name>
    <message>
        <source>Waves: {0} · read at {1}</source>
        <translation>ウェーブ {0} 件（{1} 時点）</translation>
    </message>
    <message>
        <source>No wave is being picked (read at {0}). A supervisor makes one with kenpin wave create.</source>
        <translation>ピッキング中のウェーブはありません（{0} 時点）。責任者が kenpin wave create で作成します。</translation>
    </message>
    <message>
        <source>Could not read the waves: {0}</source>
        <translation>ウェーブを読み込めませんでした: {0}</translation>
    </message>
</context>
<context>
    <name>WavesModel</name>
    <message>
        <source>Wave</source>
        <translation>ウェーブ</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>注文数</translation>
    </message>
    <message>
        <source>Picker</source>
        <translation>ピッキング担当</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>ステーション</translation>
    </message>
    <message>
        <source>Lines picked</source>
        <translation>行（済／全）</translation>
    </message>
    <message>
        <source>Units picked</source>
        <translation>数量（済／全）</translation>
    </message>
    <message>
        <source>Short picks</source>
        <translation>欠品件数</translation>
    </message>
    <message>
        <source>Minutes open</source>
        <translation>経過（分）</translation>
    </message>
    <message>
        <source>Seconds per line</source>
        <translation>秒／行</translation>
    </message>
    <message>
        <source>picking</source>
        <translation>ピッキング中</translation>
    </message>
    <message>
        <source>done</source>
        <translation>完了</translation>
    </message>
</context>
<context>
    <name>WavesPage</name>
    <message>
        <source>Refresh</source>
        <extracomment>The page came into view.</extracomment>
        <translation>再読み込み</translation>
    </message>
    <message>
        <source>Read the waves again (F5)</source>
        <translation>ウェーブを読み込み直す（F5）</translation>
    </message>
    <message>
        <source>Waves</source>
        <translation>ウェーブ</translation>
    </message>
</context>
</TS>
